package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** Where an instance is in its process. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"started", "startEvent", "currentTask", "ended", "endEvent"})
public record ProcessState(
    Instant started, String startEvent, ProcessElementInfo currentTask, Instant ended, String endEvent) {}
