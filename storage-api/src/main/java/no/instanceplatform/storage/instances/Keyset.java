package no.instanceplatform.storage.instances;

import java.time.Instant;

/** A position in a query's order: the last instance of the previous page, by its sort key. */
public record Keyset(Instant lastChanged, String instanceGuid) {}
