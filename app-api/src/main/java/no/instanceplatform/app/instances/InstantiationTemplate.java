package no.instanceplatform.app.instances;

import java.time.Instant;
import java.util.Map;
import no.instanceplatform.model.InstanceOwner;

/**
 * What a client may say when it creates an instance: who owns it (by party id, national identity number or
 * organisation number), its deadlines, and for the simplified form the prefill values or the archived instance to
 * copy. Everything else in a posted instance is the platform's to set and is ignored, as Altinn does.
 */
record InstantiationTemplate(InstanceOwner instanceOwner, Instant dueBefore, Instant visibleAfter,
    Map<String, String> prefill, String sourceInstanceId) {

  static final InstantiationTemplate NONE = new InstantiationTemplate(null, null, null, Map.of(), null);

  boolean namesOwner() {
    return instanceOwner != null && (instanceOwner.partyId() != null || instanceOwner.personNumber() != null
        || instanceOwner.organisationNumber() != null);
  }
}
