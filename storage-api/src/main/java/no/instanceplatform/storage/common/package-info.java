/** What every feature of Storage shares: the domain exceptions the web layer turns into problems. */
package no.instanceplatform.storage.common;
