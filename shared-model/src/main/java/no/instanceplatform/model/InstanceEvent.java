package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** Something that happened to an instance, who did it, and the process state at the time. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "instanceId", "dataId", "eventType", "created", "instanceOwnerPartyId", "user",
    "processInfo"})
public record InstanceEvent(
    String id,
    String instanceId,
    String dataId,
    String eventType,
    Instant created,
    String instanceOwnerPartyId,
    PlatformUser user,
    @JsonAlias("process") @JsonInclude(JsonInclude.Include.NON_NULL) ProcessState processInfo) {}
