package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** When a task was last validated and whether it could then be completed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationStatus(Instant timestamp, boolean canCompleteTask) {}
