package no.instanceplatform.storage.events.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.events.EventFilter;
import no.instanceplatform.storage.events.InstanceEventStore;
import no.instanceplatform.storage.instances.Keyset;
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

  private final MongoTemplate mongo;

  MongoInstanceEventStore(MongoTemplate mongo) {
    this.mongo = mongo;
    var indexes = mongo.indexOps(InstanceEventDocument.class);
    indexes.createIndex(new Index()
        .on("instanceId", Sort.Direction.ASC).on(CREATED, Sort.Direction.ASC).named("instance_created"));
    indexes.createIndex(new Index().on("appId", Sort.Direction.ASC).on(CREATED, Sort.Direction.ASC)
        .on(ID, Sort.Direction.ASC).named("app_created"));
  }

  @Override
  public void saveAll(String appId, Collection<InstanceEvent> events) {
    events.forEach(event -> mongo.save(InstanceEventDocument.of(appId, event)));
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
