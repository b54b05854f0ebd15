package no.instanceplatform.storage.events.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.storage.events.EventFilter;
import no.instanceplatform.storage.events.InstanceEventStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Instance events in their own collection, read by instance in time order. */
@Repository
class MongoInstanceEventStore implements InstanceEventStore {

  private final MongoTemplate mongo;

  MongoInstanceEventStore(MongoTemplate mongo) {
    this.mongo = mongo;
    mongo.indexOps(InstanceEventDocument.class).createIndex(new Index()
        .on("instanceId", Sort.Direction.ASC).on("created", Sort.Direction.ASC).named("instance_created"));
  }

  @Override
  public void saveAll(Collection<InstanceEvent> events) {
    events.forEach(event -> mongo.save(InstanceEventDocument.of(event)));
  }

  @Override
  public List<InstanceEvent> find(String instanceId, EventFilter filter) {
    Criteria criteria = where("instanceId").is(instanceId);
    if (!filter.eventTypes().isEmpty()) {
      criteria.and("eventType").in(filter.eventTypes());
    }
    if (filter.from() != null || filter.to() != null) {
      Criteria created = criteria.and("created");
      if (filter.from() != null) {
        created.gte(filter.from());
      }
      if (filter.to() != null) {
        created.lte(filter.to());
      }
    }
    Query query = query(criteria).with(Sort.by("created", "_id"));
    return mongo.find(query, InstanceEventDocument.class).stream().map(InstanceEventDocument::toEvent).toList();
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
