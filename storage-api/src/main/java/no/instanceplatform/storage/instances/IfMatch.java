package no.instanceplatform.storage.instances;

import java.util.List;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.storage.common.StorageException;

/**
 * A write's precondition from its {@code If-Match} header: the tag the client last saw of the instance, or of one of
 * its data elements. Checked against the state each write attempt starts from, so a stale tag never wins a race.
 */
public record IfMatch(String header, String dataGuid) {

  public static final IfMatch NONE = new IfMatch(null, null);

  public static IfMatch instance(String header) {
    return new IfMatch(header, null);
  }

  public static IfMatch dataElement(String header, String dataGuid) {
    return new IfMatch(header, dataGuid);
  }

  /** Refuses (412) when the header names a tag the current state no longer has. */
  public void check(StoredInstance current) {
    if (header == null || header.isBlank()) {
      return;
    }
    List<DataElement> data = current.instance().data();
    String tag = dataGuid == null ? ETags.of(current) : data == null ? null
        : data.stream().filter(e -> e.id().equals(dataGuid)).findFirst().map(ETags::of).orElse(null);
    if (tag == null || !ETags.matches(header, tag)) {
      throw new StorageException(StorageException.Kind.PRECONDITION_FAILED, "The " + (dataGuid == null ? "instance"
          : "data element") + " has changed since the version in If-Match; read it again and retry.");
    }
  }
}
