package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Connects a data type to the app's data model: its class, its schema, and whether it is created with the instance. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationLogic(Boolean autoCreate, String classRef, String schemaRef) {}
