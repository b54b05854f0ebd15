package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** A summary of an instance's archive, deletion and read state. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"isArchived", "archived", "isSoftDeleted", "softDeleted", "isHardDeleted", "hardDeleted",
    "readStatus", "substatus"})
public record InstanceStatus(
    @JsonProperty("isArchived") boolean isArchived,
    Instant archived,
    @JsonProperty("isSoftDeleted") boolean isSoftDeleted,
    Instant softDeleted,
    @JsonProperty("isHardDeleted") boolean isHardDeleted,
    Instant hardDeleted,
    ReadStatus readStatus,
    Substatus substatus) {

  public static InstanceStatus initial() {
    return new InstanceStatus(false, null, false, null, false, null, ReadStatus.Unread, null);
  }

  public InstanceStatus withArchived(Instant when) {
    return new InstanceStatus(true, when, isSoftDeleted, softDeleted, isHardDeleted, hardDeleted, readStatus, substatus);
  }

  public InstanceStatus withSoftDeleted(Instant when) {
    return new InstanceStatus(isArchived, archived, true, when, isHardDeleted, hardDeleted, readStatus, substatus);
  }

  public InstanceStatus withHardDeleted(Instant when) {
    return new InstanceStatus(isArchived, archived, true, softDeleted == null ? when : softDeleted, true, when,
        readStatus, substatus);
  }

  public InstanceStatus restored() {
    return new InstanceStatus(isArchived, archived, false, null, false, null, readStatus, substatus);
  }

  public InstanceStatus withReadStatus(ReadStatus status) {
    return new InstanceStatus(isArchived, archived, isSoftDeleted, softDeleted, isHardDeleted, hardDeleted, status,
        substatus);
  }

  public InstanceStatus withSubstatus(Substatus status) {
    return new InstanceStatus(isArchived, archived, isSoftDeleted, softDeleted, isHardDeleted, hardDeleted, readStatus,
        status);
  }
}
