package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Application metadata: what an app is, when it is valid, and which data types it collects. An absent
 * {@code autoDeleteOnProcessEnd} (it is only written when true) reads as false.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "versionId", "org", "app", "created", "createdBy", "lastChanged", "lastChangedBy", "title",
    "processId", "validFrom", "validTo", "maxSize", "dataTypes"})
public record Application(
    String id,
    String versionId,
    String org,
    String app,
    Instant created,
    String createdBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastChanged,
    @JsonInclude(JsonInclude.Include.NON_NULL) String lastChangedBy,
    Map<String, String> title,
    String processId,
    Instant validFrom,
    Instant validTo,
    Long maxSize,
    List<DataType> dataTypes,
    @JsonInclude(JsonInclude.Include.NON_NULL) PartyTypesAllowed partyTypesAllowed,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
        boolean autoDeleteOnProcessEnd,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<DataField> presentationFields,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<DataField> dataFields,
    @JsonInclude(JsonInclude.Include.NON_NULL) CopyInstanceSettings copyInstanceSettings,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer preventInstanceDeletionForDays) {}
