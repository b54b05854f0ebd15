package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Whether and how a new instance may be created as a copy of an archived one. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CopyInstanceSettings(boolean enabled, List<String> excludedDataTypes, List<String> excludedDataFields) {}
