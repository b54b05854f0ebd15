package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The URLs of one resource through the App API and through the Platform Storage API. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceLinks(String apps, String platform) {}
