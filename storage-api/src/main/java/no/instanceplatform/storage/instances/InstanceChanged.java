package no.instanceplatform.storage.instances;

/** Published after an instance write is committed, so that its outbox is delivered at once. */
public record InstanceChanged(String instanceGuid) {}
