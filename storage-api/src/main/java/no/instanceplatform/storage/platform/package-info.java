/**
 * Storage's clients of Altinn's platform services in production (Authorization's party list, Register), behind
 * the ports the features own. With the local platform on, its in-process adapters stand in for these.
 */
package no.instanceplatform.storage.platform;
