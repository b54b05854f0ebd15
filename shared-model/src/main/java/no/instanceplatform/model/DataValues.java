package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** Data values to merge into an instance; an empty or null value removes the key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataValues(Map<String, String> values) {}
