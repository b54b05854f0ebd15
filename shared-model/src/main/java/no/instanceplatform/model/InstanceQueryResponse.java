package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One page of an instance query; {@code next} is null on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"totalHits", "count", "self", "next", "instances"})
public record InstanceQueryResponse(long totalHits, int count, String self, String next, List<Instance> instances) {}
