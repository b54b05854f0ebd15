package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** Presentation texts to merge into an instance; an empty or null value removes the key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PresentationTexts(Map<String, String> texts) {}
