package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** One step of an instance's process history, built from its process events. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"eventType", "elementId", "occured", "started", "ended", "performedBy"})
public record ProcessHistoryItem(
    String eventType, String elementId, Instant occured, Instant started, Instant ended, String performedBy) {}
