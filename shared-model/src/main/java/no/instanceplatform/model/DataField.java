package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A value extracted from form data into an instance's presentation texts or data values. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataField(String id, String path, String dataTypeId) {}
