package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The instance metadata document: the envelope of one exchange between an app user and owner. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "instanceOwner", "appId", "org", "selfLinks", "dueBefore", "visibleAfter", "process",
    "status", "completeConfirmations", "data", "presentationTexts", "dataValues", "created", "createdBy",
    "lastChanged", "lastChangedBy"})
public record Instance(
    String id,
    InstanceOwner instanceOwner,
    String appId,
    String org,
    ResourceLinks selfLinks,
    Instant dueBefore,
    Instant visibleAfter,
    ProcessState process,
    InstanceStatus status,
    List<CompleteConfirmation> completeConfirmations,
    List<DataElement> data,
    Map<String, String> presentationTexts,
    Map<String, String> dataValues,
    Instant created,
    String createdBy,
    Instant lastChanged,
    String lastChangedBy) {

  /** The status, or the status of a new instance when none is recorded (documents written before it had one). */
  public InstanceStatus statusOrInitial() {
    return status == null ? InstanceStatus.initial() : status;
  }

  /** The instance guid, the second half of {@code id}. */
  public String instanceGuid() {
    return id == null ? null : id.substring(id.indexOf('/') + 1);
  }

  public Instance withSelfLinks(ResourceLinks links) {
    return new Instance(id, instanceOwner, appId, org, links, dueBefore, visibleAfter, process, status,
        completeConfirmations, data, presentationTexts, dataValues, created, createdBy, lastChanged, lastChangedBy);
  }

  public Instance withProcess(ProcessState newProcess) {
    return new Instance(id, instanceOwner, appId, org, selfLinks, dueBefore, visibleAfter, newProcess, status,
        completeConfirmations, data, presentationTexts, dataValues, created, createdBy, lastChanged, lastChangedBy);
  }

  public Instance withStatus(InstanceStatus newStatus) {
    return new Instance(id, instanceOwner, appId, org, selfLinks, dueBefore, visibleAfter, process, newStatus,
        completeConfirmations, data, presentationTexts, dataValues, created, createdBy, lastChanged, lastChangedBy);
  }

  public Instance withCompleteConfirmations(List<CompleteConfirmation> confirmations) {
    return new Instance(id, instanceOwner, appId, org, selfLinks, dueBefore, visibleAfter, process, status,
        confirmations, data, presentationTexts, dataValues, created, createdBy, lastChanged, lastChangedBy);
  }

  public Instance withData(List<DataElement> elements) {
    return new Instance(id, instanceOwner, appId, org, selfLinks, dueBefore, visibleAfter, process, status,
        completeConfirmations, elements, presentationTexts, dataValues, created, createdBy, lastChanged,
        lastChangedBy);
  }

  public Instance withPresentationTexts(Map<String, String> texts) {
    return new Instance(id, instanceOwner, appId, org, selfLinks, dueBefore, visibleAfter, process, status,
        completeConfirmations, data, texts, dataValues, created, createdBy, lastChanged, lastChangedBy);
  }

  public Instance withDataValues(Map<String, String> values) {
    return new Instance(id, instanceOwner, appId, org, selfLinks, dueBefore, visibleAfter, process, status,
        completeConfirmations, data, presentationTexts, values, created, createdBy, lastChanged, lastChangedBy);
  }

  /** The instance as last changed {@code when} by {@code by}. */
  public Instance changedBy(Instant when, String by) {
    return new Instance(id, instanceOwner, appId, org, selfLinks, dueBefore, visibleAfter, process, status,
        completeConfirmations, data, presentationTexts, dataValues, created, createdBy, when, by);
  }
}
