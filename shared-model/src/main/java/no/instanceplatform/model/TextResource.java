package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The texts of one app in one language; {@code id} ({@code org-app-language}) and {@code org} are set by Storage. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "org", "language", "resources"})
public record TextResource(String id, String org, String language, List<TextResourceElement> resources) {}
