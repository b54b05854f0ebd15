package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** The current task of a process. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"flow", "started", "elementId", "name", "altinnTaskType", "ended", "validated"})
public record ProcessElementInfo(
    Integer flow,
    Instant started,
    String elementId,
    String name,
    String altinnTaskType,
    Instant ended,
    ValidationStatus validated) {}
