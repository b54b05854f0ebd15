package no.instanceplatform.app.instances;

import java.time.Instant;
import java.util.Map;

/**
 * An active instance as app-lib's {@code GET {partyId}/active} lists it (its SimpleInstance): {@code lastChangedBy}
 * is the name of whoever changed it last, not an id.
 */
record ActiveInstance(String id, Map<String, String> presentationTexts, Instant dueBefore, Instant lastChanged,
    String lastChangedBy) {}
