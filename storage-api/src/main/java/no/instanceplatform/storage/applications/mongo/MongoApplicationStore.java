package no.instanceplatform.storage.applications.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.mongo.FieldReplacement;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The application store on MongoDB. Writes that keep the creation stamp of an existing application are single
 * conditional updates ({@code $setOnInsert} for the stamp), so two deploys of one app cannot lose it.
 */
@Repository
class MongoApplicationStore implements ApplicationStore {

  private static final Sort BY_ID = Sort.by("_id");

  private final MongoTemplate mongo;
  private final FieldReplacement replacement;

  MongoApplicationStore(MongoTemplate mongo) {
    this.mongo = mongo;
    this.replacement = FieldReplacement.of(mongo, ApplicationDocument.class,
        Set.of(ApplicationDocument.CREATED, ApplicationDocument.CREATED_BY));
    createIndexes();
  }

  private void createIndexes() {
    mongo.indexOps(ApplicationDocument.class).createIndex(
        new Index().on(ApplicationDocument.ORG, Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("org"));
  }

  @Override
  public Optional<Application> find(AppId appId) {
    return Optional.ofNullable(mongo.findById(appId.toString(), ApplicationDocument.class))
        .map(ApplicationMapping::toApplication);
  }

  @Override
  public List<Application> findAll(String org) {
    Query query = org == null ? new Query() : query(where(ApplicationDocument.ORG).is(org));
    return mongo.find(query.with(BY_ID), ApplicationDocument.class).stream()
        .map(ApplicationMapping::toApplication)
        .toList();
  }

  @Override
  public Application upsert(Application application) {
    Document written = replacement.write(ApplicationMapping.toDocument(application));
    Update update = replacement.of(written);
    for (String stamp : List.of(ApplicationDocument.CREATED, ApplicationDocument.CREATED_BY)) {
      if (written.containsKey(stamp)) {
        update.setOnInsert(stamp, written.get(stamp));
      }
    }
    return ApplicationMapping.toApplication(mongo.findAndModify(byId(application.id()), update,
        FindAndModifyOptions.options().upsert(true).returnNew(true), ApplicationDocument.class));
  }

  @Override
  public Optional<Application> replace(Application application) {
    return modify(application.id(), replacement(application));
  }

  @Override
  public Optional<Application> expire(AppId appId, Instant validTo, String changedBy) {
    Instant at = ApplicationMapping.millis(validTo);
    Update update = new Update()
        .set(ApplicationDocument.VALID_TO, at)
        .set(ApplicationDocument.LAST_CHANGED, at)
        .set(ApplicationDocument.LAST_CHANGED_BY, changedBy);
    return modify(appId.toString(), update);
  }

  @Override
  public Optional<Application> remove(AppId appId) {
    return Optional.ofNullable(mongo.findAndRemove(byId(appId.toString()), ApplicationDocument.class))
        .map(ApplicationMapping::toApplication);
  }

  private Optional<Application> modify(String id, Update update) {
    return Optional.ofNullable(mongo.findAndModify(byId(id), update, FindAndModifyOptions.options().returnNew(true),
        ApplicationDocument.class)).map(ApplicationMapping::toApplication);
  }

  /** Sets every field but the key and the creation stamp; a field the application lacks is removed. */
  private Update replacement(Application application) {
    return replacement.of(replacement.write(ApplicationMapping.toDocument(application)));
  }

  private static Query byId(String id) {
    return query(where("_id").is(id));
  }
}
