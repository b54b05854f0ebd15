package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/** Metadata of one file (form data or attachment) of an instance; the bytes live in blob storage. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "instanceGuid", "dataType", "filename", "contentType", "blobStoragePath", "selfLinks",
    "size", "locked", "refs", "tags", "created", "createdBy", "lastChanged", "lastChangedBy"})
public record DataElement(
    String id,
    String instanceGuid,
    String dataType,
    String filename,
    String contentType,
    String blobStoragePath,
    ResourceLinks selfLinks,
    long size,
    boolean locked,
    List<String> refs,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> tags,
    Instant created,
    String createdBy,
    Instant lastChanged,
    String lastChangedBy) {

  /** The element after its content was replaced. */
  public DataElement withContent(String newContentType, String newFilename, long newSize, Instant when, String by) {
    return new DataElement(id, instanceGuid, dataType, newFilename, newContentType, blobStoragePath, selfLinks,
        newSize, locked, refs, tags, created, createdBy, when, by);
  }

  /** The element after a change of its metadata. */
  public DataElement withMetadata(String newFilename, boolean newLocked, List<String> newRefs, List<String> newTags,
      Instant when, String by) {
    return new DataElement(id, instanceGuid, dataType, newFilename, contentType, blobStoragePath, selfLinks, size,
        newLocked, newRefs, newTags, created, createdBy, when, by);
  }

  public DataElement withSelfLinks(ResourceLinks links) {
    return new DataElement(id, instanceGuid, dataType, filename, contentType, blobStoragePath, links, size, locked,
        refs, tags, created, createdBy, lastChanged, lastChangedBy);
  }
}
