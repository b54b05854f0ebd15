package no.instanceplatform.storage.instances.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.instances.EventOutbox;
import no.instanceplatform.storage.instances.InstanceExistsException;
import no.instanceplatform.storage.instances.InstanceLimits;
import no.instanceplatform.storage.instances.InstanceMemory;
import no.instanceplatform.storage.instances.InstancePage;
import no.instanceplatform.storage.instances.InstanceQuery;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.instances.InstanceTooLargeException;
import no.instanceplatform.storage.instances.Keyset;
import no.instanceplatform.storage.instances.PendingEvents;
import no.instanceplatform.storage.instances.StoredInstance;
import no.instanceplatform.storage.mongo.DocumentSize;
import no.instanceplatform.storage.mongo.FieldReplacement;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.springframework.util.unit.DataSize;

/**
 * The instance store and its event outbox on MongoDB. A write is one conditional update of one document
 * (version compare, field updates, outbox push), which is atomic on MongoDB and on the embedded emulator alike.
 * Every write is measured before it is sent, so that an instance past {@link InstanceLimits#maxSize} is refused the
 * same way on both: the emulator has no document limit of its own. What is read is measured before it is decoded, and
 * what is written before it is sent, for the request to hold {@link InstanceMemory} for it.
 */
@Repository
class MongoInstanceStore implements InstanceStore, EventOutbox {

  /** MongoDB's limit is 16 MiB for the whole document; the outbox, which the measure leaves aside, gets the rest. */
  private static final long MOST_MAX_SIZE = DataSize.ofMegabytes(15).toBytes();

  private static final long BATCH_BYTES = DataSize.ofMegabytes(4).toBytes();
  private static final int SCAN_QUERY = 1000;

  private final MongoTemplate mongo;
  private final InstanceMemory memory;
  private final FieldReplacement replacement;
  private final DocumentSize size;
  private final long maxSize;
  private final long maxPageSize;
  private final int batchSize;
  private final QueryMapper queryMapper;
  private final MongoPersistentEntity<?> entity;
  private final Codec<Document> documentCodec;

  MongoInstanceStore(MongoTemplate mongo, InstanceLimits limits, InstanceMemory memory) {
    if (limits.maxSize().toBytes() > MOST_MAX_SIZE) {
      throw new IllegalStateException("storage.instances.max-size is " + limits.maxSize().toBytes()
          + " bytes; on MongoDB it may be " + MOST_MAX_SIZE + " bytes at most.");
    }
    this.mongo = mongo;
    this.memory = memory;
    this.replacement = FieldReplacement.of(mongo, InstanceDocument.class,
        Set.of(InstanceDocument.VERSION, InstanceDocument.PENDING_EVENTS));
    this.size = new DocumentSize(mongo.getConverter().getCodecRegistry());
    this.maxSize = limits.maxSize().toBytes();
    this.maxPageSize = limits.maxPageSize().toBytes();
    this.batchSize = (int) Math.max(1, BATCH_BYTES / maxSize);
    this.queryMapper = new QueryMapper(mongo.getConverter());
    this.entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(InstanceDocument.class);
    this.documentCodec = mongo.getConverter().getCodecRegistry().get(Document.class);
    createIndexes();
  }

  /**
   * One index per query shape, each ending in the sort keys (lastChanged, _id), so that a page is read from the
   * index in order however deep it is; and the outbox sweep's.
   */
  private void createIndexes() {
    var indexes = mongo.indexOps(InstanceDocument.class);
    indexes.createIndex(byLastChanged("org").named("org_lastChanged"));
    indexes.createIndex(byLastChanged("appId").named("app_lastChanged"));
    indexes.createIndex(byLastChanged("instanceOwner.partyId").named("owner_lastChanged"));
    indexes.createIndex(byLastChanged("appId", "process.currentTask.elementId").named("app_task_lastChanged"));
    indexes.createIndex(byLastChanged("org", "status.isArchived", "status.isSoftDeleted", "status.isHardDeleted")
        .named("org_status_lastChanged"));
    indexes.createIndex(new Index().on("pendingEvents._id", Sort.Direction.ASC).named("outbox"));
  }

  private static Index byLastChanged(String... equalityFields) {
    Index index = new Index();
    for (String field : equalityFields) {
      index.on(field, Sort.Direction.ASC);
    }
    return index.on("lastChanged", Sort.Direction.DESC).on("_id", Sort.Direction.DESC);
  }

  @Override
  public StoredInstance insert(Instance instance, List<InstanceEvent> events) {
    InstanceDocument document = InstanceMapping.toDocument(instance, 1, events);
    Document written = replacement.write(document);
    requireWithinMaxSize(instance, written);
    try {
      mongo.insert(written, mongo.getCollectionName(InstanceDocument.class));
      return stored(document);
    } catch (DuplicateKeyException e) {
      throw new InstanceExistsException(instance.instanceGuid());
    }
  }

  @Override
  public Optional<StoredInstance> find(String instanceGuid) {
    RawBsonDocument stored = mongo.execute(InstanceDocument.class, collection -> collection
        .withDocumentClass(RawBsonDocument.class).find(Filters.eq("_id", instanceGuid)).first());
    if (stored == null) {
      return Optional.empty();
    }
    memory.holdFor(stored.getByteBuffer().remaining());
    return Optional.of(stored(decoded(stored)));
  }

  @Override
  public Optional<StoredInstance> replace(long expectedVersion, Instance instance, List<InstanceEvent> events) {
    Document written = replacement.write(InstanceMapping.toDocument(instance, expectedVersion, List.of()));
    requireWithinMaxSize(instance, written);
    Update update = replacement.of(written);
    update.inc(InstanceDocument.VERSION, 1);
    if (!events.isEmpty()) {
      update.push(InstanceDocument.PENDING_EVENTS).each(events.toArray());
    }
    Query current = query(where("_id").is(instance.instanceGuid()).and(InstanceDocument.VERSION).is(expectedVersion));
    InstanceDocument saved = mongo.findAndModify(current, update, FindAndModifyOptions.options().returnNew(true),
        InstanceDocument.class);
    return Optional.ofNullable(saved).map(MongoInstanceStore::stored);
  }

  /**
   * Read as the store sends them, undecoded, so that each is measured before it is decoded (to objects several times
   * its size) and the page ends before the one that would take it past its size; the limit's one more tells whether
   * more follow. The store sends them in batches of as many as 4 MiB of the largest instances may fill (16 at the
   * default size; a query reads its 100 in 7 round trips then), since the driver holds a whole batch, undecoded, and
   * a copy of each instance read: MongoDB alone would send up to 16 MiB at once, and the emulator the whole result in
   * one reply, which the driver refuses past 48 MB.
   */
  @Override
  public InstancePage find(InstanceQuery query, Keyset after, int limit) {
    Query page = InstanceQueryCriteria.of(query, after, limit + 1);
    // Read within the template, so that the driver's failures (while a later batch is fetched, too) are translated.
    return mongo.execute(InstanceDocument.class, collection -> read(
        undecoded(collection, page).limit(limit + 1).batchSize(Math.min(limit + 1, batchSize)), limit));
  }

  /**
   * Each instance is measured, held and decoded only when its turn comes, and no longer held once the next one is;
   * the store sends them in batches as a page's. The result is read in queries of {@value #SCAN_QUERY} along the
   * keyset: one cursor would do on MongoDB, but the emulator works out a query's whole result at once and keeps it
   * with the cursor (6,000 instances of 20 KB in one took its 3 GiB).
   */
  @Override
  public void scan(InstanceQuery query, Predicate<Instance> each) {
    Keyset after = null;
    while (true) {
      Query next = InstanceQueryCriteria.of(query, after, SCAN_QUERY);
      Instance last = mongo.execute(InstanceDocument.class, collection -> handOn(
          undecoded(collection, next).limit(SCAN_QUERY).batchSize(Math.min(SCAN_QUERY, batchSize)), each));
      if (last == null) {
        return;
      }
      after = Keyset.of(last);
    }
  }

  /** The last instance handed on, when the query's limit was reached and {@code each} wants more; otherwise null. */
  private Instance handOn(FindIterable<RawBsonDocument> stored, Predicate<Instance> each) {
    Instance last = null;
    int count = 0;
    try (MongoCursor<RawBsonDocument> cursor = stored.cursor()) {
      while (cursor.hasNext()) {
        RawBsonDocument next = cursor.next();
        memory.holdFor(next.getByteBuffer().remaining());
        last = InstanceMapping.toInstance(decoded(next));
        count++;
        if (!each.test(last)) {
          return null;
        }
      }
    }
    return count == SCAN_QUERY ? last : null;
  }

  private FindIterable<RawBsonDocument> undecoded(MongoCollection<Document> collection, Query query) {
    return collection.withDocumentClass(RawBsonDocument.class)
        .find(queryMapper.getMappedObject(query.getQueryObject(), entity))
        .projection(queryMapper.getMappedFields(query.getFieldsObject(), entity))
        .sort(queryMapper.getMappedSort(query.getSortObject(), entity));
  }

  private InstancePage read(FindIterable<RawBsonDocument> stored, int limit) {
    List<Instance> found = new ArrayList<>();
    long pageBytes = 0;
    try (MongoCursor<RawBsonDocument> cursor = stored.cursor()) {
      while (cursor.hasNext()) {
        RawBsonDocument next = cursor.next();
        int bytes = next.getByteBuffer().remaining();
        if (found.size() == limit || (!found.isEmpty() && pageBytes + bytes > maxPageSize)) {
          return new InstancePage(found, true);
        }
        pageBytes += bytes;
        memory.holdFor(pageBytes);
        found.add(InstanceMapping.toInstance(decoded(next)));
      }
    }
    return new InstancePage(found, false);
  }

  @Override
  public long count(InstanceQuery query) {
    return mongo.count(InstanceQueryCriteria.count(query), InstanceDocument.class);
  }

  @Override
  public boolean remove(String instanceGuid) {
    return mongo.remove(query(where("_id").is(instanceGuid)), InstanceDocument.class).getDeletedCount() > 0;
  }

  @Override
  public PendingEvents pending(String instanceGuid) {
    Query byId = query(where("_id").is(instanceGuid));
    byId.fields().include(InstanceDocument.PENDING_EVENTS).include("appId");
    Document document = mongo.findOne(byId, Document.class, mongo.getCollectionName(InstanceDocument.class));
    if (document == null || document.getList(InstanceDocument.PENDING_EVENTS, Document.class) == null) {
      return PendingEvents.none();
    }
    List<InstanceEvent> events = new ArrayList<>();
    for (Document event : document.getList(InstanceDocument.PENDING_EVENTS, Document.class)) {
      events.add(mongo.getConverter().read(InstanceEvent.class, event));
    }
    return new PendingEvents(document.getString("appId"), events);
  }

  @Override
  public List<String> instancesWithPending(int limit) {
    Query withPending = query(where("pendingEvents.0").exists(true)).limit(limit);
    withPending.fields().include("_id");
    return mongo.find(withPending, Document.class, mongo.getCollectionName(InstanceDocument.class)).stream()
        .map(d -> d.getString("_id"))
        .toList();
  }

  /**
   * The pull is written as the store receives it: the template's query and update mapping (a quarter to a third of
   * the acknowledgement's CPU samples) would leave this filter and update as they are, string ids of fields that
   * are not renamed.
   */
  @Override
  public void acknowledge(String instanceGuid, Collection<String> eventIds) {
    Bson pull = Updates.pull(InstanceDocument.PENDING_EVENTS, Filters.in("_id", List.copyOf(eventIds)));
    mongo.execute(InstanceDocument.class, collection -> collection.updateOne(Filters.eq("_id", instanceGuid), pull));
  }

  /**
   * The events a create writes count; on a replace, the outbox is left aside (it is written as a push, and the
   * relay empties it). Within the size, the write holds the instance memory for it.
   */
  private void requireWithinMaxSize(Instance instance, Document written) {
    int bytes = size.of(written);
    if (bytes > maxSize) {
      throw new InstanceTooLargeException(instance.id(), bytes, maxSize);
    }
    memory.holdFor(bytes);
  }

  private InstanceDocument decoded(RawBsonDocument stored) {
    return mongo.getConverter().read(InstanceDocument.class, stored.decode(documentCodec));
  }

  private static StoredInstance stored(InstanceDocument document) {
    return new StoredInstance(InstanceMapping.toInstance(document), document.version());
  }
}
