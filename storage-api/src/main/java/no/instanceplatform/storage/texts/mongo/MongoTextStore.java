package no.instanceplatform.storage.texts.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import no.instanceplatform.model.TextResource;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.texts.TextStore;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The text store on MongoDB; every read and write addresses one document by its key, so no index is needed. */
@Repository
class MongoTextStore implements TextStore {

  private final MongoTemplate mongo;

  MongoTextStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<TextResource> find(AppId appId, String language) {
    return Optional.ofNullable(mongo.findById(key(appId, language), TextResourceDocument.class))
        .map(MongoTextStore::toTextResource);
  }

  @Override
  public TextResource save(AppId appId, TextResource texts) {
    return toTextResource(mongo.save(toDocument(appId, texts)));
  }

  @Override
  public Optional<TextResource> replace(AppId appId, TextResource texts) {
    TextResourceDocument replaced = mongo.findAndReplace(byKey(appId, texts.language()), toDocument(appId, texts),
        FindAndReplaceOptions.options().returnNew());
    return Optional.ofNullable(replaced).map(MongoTextStore::toTextResource);
  }

  @Override
  public boolean delete(AppId appId, String language) {
    return mongo.remove(byKey(appId, language), TextResourceDocument.class).getDeletedCount() > 0;
  }

  private static TextResourceDocument toDocument(AppId appId, TextResource texts) {
    return new TextResourceDocument(key(appId, texts.language()), appId.org(), appId.app(), texts.language(),
        texts.resources());
  }

  private static TextResource toTextResource(TextResourceDocument document) {
    return new TextResource(document.id(), document.org(), document.language(), document.resources());
  }

  private static Query byKey(AppId appId, String language) {
    return query(where("_id").is(key(appId, language)));
  }

  private static String key(AppId appId, String language) {
    return appId.org() + "-" + appId.app() + "-" + language;
  }
}
