package no.instanceplatform.storage.instances.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.instances.EventOutbox;
import no.instanceplatform.storage.instances.InstanceExistsException;
import no.instanceplatform.storage.instances.InstanceQuery;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.instances.Keyset;
import no.instanceplatform.storage.instances.PendingEvents;
import no.instanceplatform.storage.instances.StoredInstance;
import no.instanceplatform.storage.mongo.FieldReplacement;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The instance store and its event outbox on MongoDB. A write is one conditional update of one document
 * (version compare, field updates, outbox push), which is atomic on MongoDB and on the embedded emulator alike.
 */
@Repository
class MongoInstanceStore implements InstanceStore, EventOutbox {

  private final MongoTemplate mongo;
  private final FieldReplacement replacement;

  MongoInstanceStore(MongoTemplate mongo) {
    this.mongo = mongo;
    this.replacement = FieldReplacement.of(mongo, InstanceDocument.class,
        Set.of(InstanceDocument.VERSION, InstanceDocument.PENDING_EVENTS));
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
    try {
      return stored(mongo.insert(InstanceMapping.toDocument(instance, 1, events)));
    } catch (DuplicateKeyException e) {
      throw new InstanceExistsException(instance.instanceGuid());
    }
  }

  @Override
  public Optional<StoredInstance> find(String instanceGuid) {
    return Optional.ofNullable(mongo.findById(instanceGuid, InstanceDocument.class)).map(MongoInstanceStore::stored);
  }

  @Override
  public Optional<StoredInstance> replace(long expectedVersion, Instance instance, List<InstanceEvent> events) {
    Update update = replacement.of(InstanceMapping.toDocument(instance, expectedVersion, List.of()));
    update.inc(InstanceDocument.VERSION, 1);
    if (!events.isEmpty()) {
      update.push(InstanceDocument.PENDING_EVENTS).each(events.toArray());
    }
    Query current = query(where("_id").is(instance.instanceGuid()).and(InstanceDocument.VERSION).is(expectedVersion));
    InstanceDocument saved = mongo.findAndModify(current, update, FindAndModifyOptions.options().returnNew(true),
        InstanceDocument.class);
    return Optional.ofNullable(saved).map(MongoInstanceStore::stored);
  }

  @Override
  public List<Instance> find(InstanceQuery query, Keyset after, int limit) {
    return mongo.find(InstanceQueryCriteria.of(query, after, limit), InstanceDocument.class).stream()
        .map(InstanceMapping::toInstance)
        .toList();
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

  private static StoredInstance stored(InstanceDocument document) {
    return new StoredInstance(InstanceMapping.toInstance(document), document.version());
  }
}
