package no.instanceplatform.storage.instances.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import no.instanceplatform.storage.instances.DateRange;
import no.instanceplatform.storage.instances.InstanceQuery;
import no.instanceplatform.storage.instances.Keyset;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Translates an instance query into one MongoDB query: every condition, the keyset position, and the order on
 * (lastChanged, _id) that the indexes serve.
 */
final class InstanceQueryCriteria {

  private static final String LAST_CHANGED = "lastChanged";
  private static final String ID = "_id";

  private InstanceQueryCriteria() {}

  static Query of(InstanceQuery query, Keyset after, int limit) {
    List<Criteria> conditions = conditions(query);
    if (after != null) {
      conditions.add(after(after, query.ascending()));
    }
    Sort.Direction direction = query.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
    Query page = new Query(all(conditions)).with(Sort.by(direction, LAST_CHANGED, ID)).limit(limit);
    page.fields().exclude(InstanceDocument.PENDING_EVENTS);
    return page;
  }

  static Query count(InstanceQuery query) {
    return new Query(all(conditions(query)));
  }

  private static List<Criteria> conditions(InstanceQuery q) {
    List<Criteria> conditions = new ArrayList<>();
    if (q.org() != null) {
      conditions.add(where("org").is(q.org()));
    }
    if (!q.appIds().isEmpty()) {
      conditions.add(q.appIds().size() == 1 ? where("appId").is(q.appIds().iterator().next())
          : where("appId").in(q.appIds()));
    }
    if (!q.partyIds().isEmpty()) {
      conditions.add(where("instanceOwner.partyId").in(q.partyIds()));
    }
    if (!q.currentTasks().isEmpty()) {
      conditions.add(where("process.currentTask.elementId").in(q.currentTasks()));
    }
    if (q.isComplete() != null) {
      conditions.add(where(q.isComplete() ? "process.ended" : "process.currentTask").ne(null));
    }
    range(conditions, "process.ended", q.ended());
    range(conditions, LAST_CHANGED, q.lastChanged());
    range(conditions, "created", q.created());
    range(conditions, "visibleAfter", q.visibleAfter());
    range(conditions, "dueBefore", q.dueBefore());
    if (q.excludeConfirmedBy() != null) {
      conditions.add(where("completeConfirmations.stakeholderId").ne(q.excludeConfirmedBy()));
    }
    flag(conditions, "status.isArchived", q.isArchived());
    flag(conditions, "status.isSoftDeleted", q.isSoftDeleted());
    flag(conditions, "status.isHardDeleted", q.isHardDeleted());
    if (q.visibleBy() != null) {
      conditions.add(where("visibleAfter").lte(q.visibleBy()));
    }
    return conditions;
  }

  /** Strictly after the position in the query's order; ties on lastChanged are broken by id. */
  private static Criteria after(Keyset after, boolean ascending) {
    Criteria beyondTime = ascending ? where(LAST_CHANGED).gt(after.at())
        : where(LAST_CHANGED).lt(after.at());
    Criteria sameTimeBeyondId = new Criteria().andOperator(where(LAST_CHANGED).is(after.at()),
        ascending ? where(ID).gt(after.id()) : where(ID).lt(after.id()));
    return new Criteria().orOperator(beyondTime, sameTimeBeyondId);
  }

  private static void range(List<Criteria> conditions, String field, DateRange range) {
    if (range == null) {
      return;
    }
    for (DateRange.Bound bound : range.bounds()) {
      Criteria condition = where(field);
      conditions.add(switch (bound.operator()) {
        case GT -> condition.gt(bound.value());
        case GTE -> condition.gte(bound.value());
        case LT -> condition.lt(bound.value());
        case LTE -> condition.lte(bound.value());
        case EQ -> condition.is(bound.value());
      });
    }
  }

  private static void flag(List<Criteria> conditions, String field, Boolean value) {
    if (value != null) {
      conditions.add(where(field).is(value));
    }
  }

  private static Criteria all(List<Criteria> conditions) {
    return conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions);
  }
}
