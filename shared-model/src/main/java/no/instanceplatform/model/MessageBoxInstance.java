package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** An instance as the message box lists it: stripped down, with the app's title in the caller's language. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "instanceOwnerId", "org", "appName", "title", "processCurrentTask", "createDateTime",
    "lastChangedBy", "lastChangedDateTime", "dueDateTime", "allowDelete", "authorizedForWrite", "allowNewCopy",
    "deletedDateTime", "archivedDateTime", "readStatus", "substatus"})
public record MessageBoxInstance(
    String id,
    long instanceOwnerId,
    String org,
    String appName,
    String title,
    String processCurrentTask,
    Instant createDateTime,
    String lastChangedBy,
    Instant lastChangedDateTime,
    Instant dueDateTime,
    boolean allowDelete,
    boolean authorizedForWrite,
    boolean allowNewCopy,
    Instant deletedDateTime,
    Instant archivedDateTime,
    ReadStatus readStatus,
    Substatus substatus) {}
