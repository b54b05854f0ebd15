package no.instanceplatform.storage.instances;

/**
 * Published after an instance write is committed, with the events the write put in the instance's outbox, so that
 * they are delivered at once without reading the outbox back.
 */
public record InstanceChanged(String instanceGuid, PendingEvents written) {}
