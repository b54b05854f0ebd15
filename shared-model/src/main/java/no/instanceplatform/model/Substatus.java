package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Human-readable status the app owner sets for the message box and the receipt. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Substatus(String label, String description) {}
