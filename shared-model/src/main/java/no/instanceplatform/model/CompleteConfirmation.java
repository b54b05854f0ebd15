package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A stakeholder's statement that it no longer needs the instance. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompleteConfirmation(String stakeholderId, Instant confirmedOn) {}
