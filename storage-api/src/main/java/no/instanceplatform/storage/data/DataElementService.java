package no.instanceplatform.storage.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.DataType;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceStatus;
import no.instanceplatform.model.ReadStatus;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.instances.IfMatch;
import no.instanceplatform.storage.instances.InstanceChange;
import no.instanceplatform.storage.instances.InstanceEvents;
import no.instanceplatform.storage.instances.InstanceLinks;
import no.instanceplatform.storage.instances.InstanceUpdater;
import no.instanceplatform.storage.instances.StoredInstance;
import no.instanceplatform.storage.security.InstanceAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The files of instances. Bytes go to the blob store first and metadata second, in one instance write with its
 * event, so that a crash or a refusal at any point leaves nothing visible half-written: a blob without metadata is
 * removed (at once, or by the cleanup job), and metadata never points at a blob that was not completely written.
 */
@Service
public class DataElementService {

  private static final Logger log = LoggerFactory.getLogger(DataElementService.class);

  private final InstanceUpdater updater;
  private final ApplicationStore applications;
  private final BlobStore blobs;
  private final InstanceLinks links;
  private final Clock clock;

  DataElementService(InstanceUpdater updater, ApplicationStore applications, BlobStore blobs, InstanceLinks links,
      Clock clock) {
    this.updater = updater;
    this.applications = applications;
    this.blobs = blobs;
    this.links = links;
    this.clock = clock;
  }

  /** A data element and its bytes, to stream. */
  public record DataFile(DataElement element, BlobStore.BlobContent content) {}

  /** The element after a lock request, and whether this request locked it. */
  public record Locking(DataElement element, boolean newlyLocked) {}

  public DataElement create(Caller caller, String partyId, String instanceGuid, String dataTypeId, List<String> refs,
      UploadedContent upload) {
    StoredInstance stored = updater.readStored(caller, InstanceAction.WRITE, partyId, instanceGuid);
    Instance instance = stored.instance();
    requireWritable(instance);
    DataType type = DataTypeLimits.declared(application(instance), dataTypeId);
    DataTypeLimits.requireContentType(type, upload.contentType());
    DataTypeLimits.requireRoomFor(type, instance);
    String dataGuid = UUID.randomUUID().toString();
    String path = instance.appId() + "/" + instanceGuid + "/data/" + dataGuid;
    long size = store(instance.org(), path, upload, type);
    Instant now = clock.instant();
    DataElement element = new DataElement(dataGuid, instanceGuid, type.id(), upload.filename(),
        upload.contentType(), path, null, size, false, refs == null ? List.of() : List.copyOf(refs), null, now,
        caller.id(), now, caller.id());
    try {
      Instance written = updater.update(caller, InstanceAction.WRITE, IfMatch.NONE, stored, current -> {
        requireWritable(current);
        DataTypeLimits.requireRoomFor(type, current);
        List<DataElement> data = new ArrayList<>(current.data() == null ? List.of() : current.data());
        data.add(element);
        Instance changed = markUpdatedForOwner(current.withData(data), caller).changedBy(now, caller.id());
        return new InstanceChange(changed, List.of(InstanceEvents.Created.of(changed, caller, now, dataGuid)));
      }).instance();
      return links.withLinks(written, element);
    } catch (RuntimeException refusedOrFailed) {
      removeOrphan(instance.org(), path);
      throw refusedOrFailed;
    }
  }

  public List<DataElement> list(Caller caller, String partyId, String instanceGuid) {
    Instance instance = updater.read(caller, InstanceAction.READ, partyId, instanceGuid);
    return instance.data().stream().map(element -> links.withLinks(instance, element)).toList();
  }

  public DataFile read(Caller caller, String partyId, String instanceGuid, String dataGuid) {
    Instance instance = updater.read(caller, InstanceAction.READ, partyId, instanceGuid);
    DataElement element = element(instance, dataGuid);
    BlobStore.BlobContent content = blobs.get(instance.org(), element.blobStoragePath())
        .orElseThrow(() -> StorageException.notFound("The file of data element " + dataGuid + " was not found."));
    return new DataFile(links.withLinks(instance, element), content);
  }

  /** Replaces the bytes; the element keeps its id and path. */
  public DataElement replace(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid, String dataGuid,
      UploadedContent upload) {
    StoredInstance stored = updater.readStored(caller, InstanceAction.WRITE, partyId, instanceGuid);
    Instance instance = stored.instance();
    DataElement before = requireChangeable(instance, dataGuid);
    ifMatch.check(stored);
    DataType type = DataTypeLimits.declared(application(instance), before.dataType());
    DataTypeLimits.requireContentType(type, upload.contentType());
    long size = store(instance.org(), before.blobStoragePath(), upload, type);
    return change(caller, ifMatch, stored, dataGuid, (element, now) -> element.withContent(upload.contentType(),
        upload.filename() != null ? upload.filename() : element.filename(), size, now, caller.id()));
  }

  /**
   * Updates what a client may change of the metadata: the file name, the lock, the references and the tags. The
   * rest (type, content type, size, blob path, creation and change stamps) is Storage's and ignored; an id or
   * instance guid other than the path's is refused, as Altinn does, since the client meant another element.
   */
  public DataElement updateMetadata(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid,
      String dataGuid, DataElement changes) {
    if (changes == null) {
      throw StorageException.invalid("The request body must be a data element.");
    }
    requireSameAsPath("id", changes.id(), dataGuid);
    requireSameAsPath("instanceGuid", changes.instanceGuid(), instanceGuid);
    FileNames.require(changes.filename());
    return change(caller, ifMatch, partyId, instanceGuid, dataGuid, (element, now) -> element.withMetadata(
        changes.filename(), changes.locked(), changes.refs() == null ? List.of() : changes.refs(), changes.tags(),
        now, caller.id()));
  }

  public Locking lock(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid, String dataGuid) {
    StoredInstance stored = updater.readStored(caller, InstanceAction.WRITE, partyId, instanceGuid);
    DataElement current = element(stored.instance(), dataGuid);
    if (current.locked()) {
      return new Locking(links.withLinks(stored.instance(), current), false);
    }
    return new Locking(change(caller, ifMatch, stored, dataGuid, (element, now) -> element.withMetadata(
        element.filename(), true, element.refs(), element.tags(), now, caller.id())), true);
  }

  public DataElement unlock(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid, String dataGuid) {
    return change(caller, ifMatch, partyId, instanceGuid, dataGuid, (element, now) -> element.withMetadata(
        element.filename(), false, element.refs(), element.tags(), now, caller.id()));
  }

  /** Removes the metadata first (with its event), then the bytes: no element is ever left without its file. */
  public DataElement delete(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid, String dataGuid) {
    DataElement[] deleted = new DataElement[1];
    Instance written = updater.update(caller, InstanceAction.WRITE, ifMatch, partyId, instanceGuid, current -> {
      deleted[0] = requireChangeable(current, dataGuid);
      Instant now = clock.instant();
      List<DataElement> data = current.data().stream().filter(e -> !e.id().equals(dataGuid)).toList();
      Instance changed = current.withData(data).changedBy(now, caller.id());
      return new InstanceChange(changed, List.of(InstanceEvents.Deleted.of(changed, caller, now, dataGuid)));
    }).instance();
    removeOrphan(written.org(), deleted[0].blobStoragePath());
    return links.withLinks(written, deleted[0]);
  }

  private DataElement change(Caller caller, IfMatch ifMatch, String partyId, String instanceGuid, String dataGuid,
      BiFunction<DataElement, Instant, DataElement> change) {
    return change(caller, dataGuid, edit -> updater.update(caller, InstanceAction.WRITE, ifMatch, partyId,
        instanceGuid, edit), change);
  }

  /** As above, starting from {@code seen}, the instance as this request read it (see {@link InstanceUpdater}). */
  private DataElement change(Caller caller, IfMatch ifMatch, StoredInstance seen, String dataGuid,
      BiFunction<DataElement, Instant, DataElement> change) {
    return change(caller, dataGuid, edit -> updater.update(caller, InstanceAction.WRITE, ifMatch, seen, edit),
        change);
  }

  /** Changes one element through {@code write}, which applies an edit of the instance (see {@link InstanceUpdater}). */
  private DataElement change(Caller caller, String dataGuid,
      Function<Function<Instance, InstanceChange>, StoredInstance> write,
      BiFunction<DataElement, Instant, DataElement> change) {
    DataElement[] changedElement = new DataElement[1];
    Instance written = write.apply(current -> {
      DataElement before = element(current, dataGuid);
      requireWritable(current);
      Instant now = clock.instant();
      DataElement after = change.apply(before, now);
      boolean unlocking = before.locked() && !after.locked();
      if (before.locked() && !unlocking) {
        throw StorageException.conflict("Data element " + dataGuid + " is locked.");
      }
      changedElement[0] = after;
      List<DataElement> data = current.data().stream().map(e -> e.id().equals(dataGuid) ? after : e).toList();
      Instance changed = markUpdatedForOwner(current.withData(data), caller).changedBy(now, caller.id());
      return new InstanceChange(changed, List.of(InstanceEvents.Saved.of(changed, caller, now, dataGuid)));
    }).instance();
    return links.withLinks(written, changedElement[0]);
  }

  private static void requireSameAsPath(String field, String given, String inPath) {
    if (given != null && !given.equals(inPath)) {
      throw StorageException.invalid("The data element's " + field + " '" + given + "' is not the " + field
          + " of the path, " + inPath + ".");
    }
  }

  private static DataElement requireChangeable(Instance instance, String dataGuid) {
    DataElement element = element(instance, dataGuid);
    requireWritable(instance);
    if (element.locked()) {
      throw StorageException.conflict("Data element " + dataGuid + " is locked.");
    }
    return element;
  }

  private static DataElement element(Instance instance, String dataGuid) {
    return Optional.ofNullable(instance.data()).orElse(List.of()).stream()
        .filter(element -> element.id().equals(dataGuid)).findFirst()
        .orElseThrow(() -> StorageException.notFound("Data element " + dataGuid + " of instance " + instance.id()
            + " was not found."));
  }

  /** Archived and deleted instances keep their files as they are. */
  private static void requireWritable(Instance instance) {
    InstanceStatus status = instance.statusOrInitial();
    if (status.isArchived() || status.isSoftDeleted()) {
      throw StorageException.conflict("Instance " + instance.id() + " is " + (status.isArchived() ? "archived"
          : "deleted") + "; its data cannot change.");
    }
  }

  /** When the app owner adds or changes data, a user who had read the instance is told it changed since. */
  private static Instance markUpdatedForOwner(Instance instance, Caller caller) {
    InstanceStatus status = instance.statusOrInitial();
    if (caller instanceof Caller.AppOwner && status.readStatus() == ReadStatus.Read) {
      return instance.withStatus(status.withReadStatus(ReadStatus.UpdatedSinceLastReview));
    }
    return instance;
  }

  private Application application(Instance instance) {
    return applications.find(AppId.parse(instance.appId()))
        .orElseThrow(() -> StorageException.notFound("Application " + instance.appId() + " was not found."));
  }

  /**
   * Writes the upload's bytes. A body that the client did not send whole (it went away, or stopped short of its
   * Content-Length) is its own failure, not Storage's: no error is logged.
   */
  private long store(String org, String path, UploadedContent upload, DataType type) {
    try {
      return blobs.put(org, path, nonEmpty(upload.stream()), upload.length(), DataTypeLimits.maxBytes(type));
    } catch (UncheckedIOException e) {
      log.debug("An upload's body could not be read: {}", e.getCause().toString());
      throw StorageException.invalid("The request body could not be read to its end.");
    }
  }

  /** An empty body is refused before anything is written, so no blob is ever replaced by nothing. */
  private static InputStream nonEmpty(InputStream stream) {
    try {
      PushbackInputStream content = new PushbackInputStream(stream, 1);
      int first = content.read();
      if (first < 0) {
        throw StorageException.invalid("The request body is empty: a data element needs content.");
      }
      content.unread(first);
      return content;
    } catch (IOException e) {
      throw StorageException.invalid("The request body could not be read.");
    }
  }

  /** Best effort: a blob left behind has no metadata, so nobody sees it, and the cleanup job removes it. */
  private void removeOrphan(String org, String path) {
    try {
      blobs.delete(org, path);
    } catch (RuntimeException e) {
      log.warn("Blob {} of {} has no metadata and stays until the cleanup job removes it: {}", path, org,
          e.toString());
    }
  }
}
