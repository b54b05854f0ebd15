package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Map;

/**
 * A kind of data an app collects: its content types, size and count limits, and the task it belongs to.
 * {@code maxSize} is in megabytes; a {@code maxCount} or {@code minCount} of zero or below means unbounded.
 * An absent {@code maxCount} or {@code minCount} reads as 0 (Altinn often leaves them out; Jackson 3.1 would
 * otherwise reject the absent primitive under its default {@code FAIL_ON_NULL_FOR_PRIMITIVES}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "description", "allowedContentTypes", "allowedContributers", "taskId", "appLogic",
    "maxSize", "maxCount", "minCount"})
public record DataType(
    String id,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> description,
    @JsonAlias("allowedContentType") List<String> allowedContentTypes,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> allowedContributers,
    @JsonInclude(JsonInclude.Include.NON_NULL) String taskId,
    ApplicationLogic appLogic,
    Integer maxSize,
    @JsonSetter(nulls = Nulls.AS_EMPTY) int maxCount,
    @JsonSetter(nulls = Nulls.AS_EMPTY) int minCount) {}
