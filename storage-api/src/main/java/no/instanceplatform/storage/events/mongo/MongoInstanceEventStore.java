package no.instanceplatform.storage.events.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.events.EventFilter;
import no.instanceplatform.storage.events.InstanceEventStore;
import no.instanceplatform.storage.instances.Keyset;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Instance events in their own collection, read by instance in time order. */
@Repository
class MongoInstanceEventStore implements InstanceEventStore {

  private static final String CREATED = "created";
  private static final String ID = "_id";
  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  private final MongoTemplate mongo;

  MongoInstanceEventStore(MongoTemplate mongo) {
    this.mongo = mongo;
    var indexes = mongo.indexOps(InstanceEventDocument.class);
    indexes.createIndex(new Index()
        .on("instanceId", Sort.Direction.ASC).on(CREATED, Sort.Direction.ASC).named("instance_created"));
    indexes.createIndex(new Index().on("appId", Sort.Direction.ASC).on(CREATED, Sort.Direction.ASC)
        .on(ID, Sort.Direction.ASC).named("app_created"));
  }

  /**
   * One unordered bulk write of a replacement upsert by id per event: what {@code save} does for each, in one round
   * trip to the store for all of them, and without the template's save callbacks and events (nothing listens to
   * them). The documents are the converter's, as {@code save} writes them.
   */
  @Override
  public void saveAll(String appId, Collection<InstanceEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> upserts = new ArrayList<>(events.size());
    for (InstanceEvent event : events) {
      Document document = new Document();
      mongo.getConverter().write(InstanceEventDocument.of(appId, event), document);
      upserts.add(new ReplaceOneModel<>(Filters.eq(ID, document.get(ID)), document, UPSERT));
    }
    mongo.execute(InstanceEventDocument.class,
        collection -> collection.bulkWrite(upserts, new BulkWriteOptions().ordered(false)));
  }

  @Override
  public List<InstanceEvent> find(String instanceId, EventFilter filter) {
    Query query = query(matching(where("instanceId").is(instanceId), filter)).with(Sort.by(CREATED, ID));
    return mongo.find(query, InstanceEventDocument.class).stream().map(InstanceEventDocument::toEvent).toList();
  }

  @Override
  public List<InstanceEvent> findByApp(String appId, EventFilter filter, Keyset after, int limit) {
    Criteria criteria = matching(where("appId").is(appId), filter);
    if (after != null) {
      criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(where(CREATED).gt(after.at()),
          new Criteria().andOperator(where(CREATED).is(after.at()), where(ID).gt(after.id()))));
    }
    Query query = query(criteria).with(Sort.by(CREATED, ID)).limit(limit);
    return mongo.find(query, InstanceEventDocument.class).stream().map(InstanceEventDocument::toEvent).toList();
  }

  @Override
  public long countByApp(String appId, EventFilter filter) {
    return mongo.count(query(matching(where("appId").is(appId), filter)), InstanceEventDocument.class);
  }

  private static Criteria matching(Criteria criteria, EventFilter filter) {
    if (!filter.eventTypes().isEmpty()) {
      criteria.and("eventType").in(filter.eventTypes());
    }
    if (filter.from() != null || filter.to() != null) {
      Criteria created = criteria.and(CREATED);
      if (filter.from() != null) {
        created.gte(filter.from());
      }
      if (filter.to() != null) {
        created.lte(filter.to());
      }
    }
    return criteria;
  }

  @Override
  public Optional<InstanceEvent> findById(String eventId) {
    return Optional.ofNullable(mongo.findById(eventId, InstanceEventDocument.class))
        .map(InstanceEventDocument::toEvent);
  }

  @Override
  public void deleteAll(String instanceId) {
    mongo.remove(query(where("instanceId").is(instanceId)), InstanceEventDocument.class);
  }
}
