/**
 * The JSON wire model of the Altinn 3 instance platform, field for field as Altinn's public
 * documentation shows it. Records carry their own Jackson mapping, so any default mapper reads and
 * writes the same JSON.
 */
package no.instanceplatform.model;
