package no.instanceplatform.storage.instances;

import no.instanceplatform.model.Instance;

/** An instance as stored, with the version that a conditional write must name. */
public record StoredInstance(Instance instance, long version) {}
