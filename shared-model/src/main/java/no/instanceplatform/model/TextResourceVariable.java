package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A placeholder in a text, filled from {@code dataSource} (prefix {@code dataModel}) at {@code key}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextResourceVariable(
    String key, String dataSource, @JsonInclude(JsonInclude.Include.NON_NULL) String defaultValue) {}
