package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One text of an app, optionally with variables filled from a data source. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextResourceElement(
    String id, String value, @JsonInclude(JsonInclude.Include.NON_NULL) List<TextResourceVariable> variables) {}
