package no.instanceplatform.model;

import java.util.List;

/** Instance events, wrapped as Altinn wraps them. */
public record InstanceEventList(List<InstanceEvent> instanceEvents) {}
