package no.instanceplatform.storage.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Replaces a document's fields with an update instead of a whole-document replacement, so that fields the
 * replacement must not touch (a version, an outbox, a creation stamp) can be changed in the same atomic write.
 * A field the new state lacks is removed.
 */
public final class FieldReplacement {

  private final MongoTemplate mongo;
  private final List<String> fields;

  private FieldReplacement(MongoTemplate mongo, List<String> fields) {
    this.mongo = mongo;
    this.fields = fields;
  }

  /** Replaces every persisted field of {@code documentType} but its id and the {@code untouched} ones. */
  public static FieldReplacement of(MongoTemplate mongo, Class<?> documentType, Set<String> untouched) {
    MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(documentType);
    List<String> fields = new ArrayList<>();
    for (MongoPersistentProperty property : entity) {
      if (!property.isIdProperty() && !untouched.contains(property.getFieldName())) {
        fields.add(property.getFieldName());
      }
    }
    return new FieldReplacement(mongo, List.copyOf(fields));
  }

  /** An update that gives the stored document the fields of {@code written}, a document as {@link #write} wrote it. */
  public Update of(Document written) {
    Update update = new Update();
    for (String field : fields) {
      if (written.containsKey(field)) {
        update.set(field, written.get(field));
      } else {
        update.unset(field);
      }
    }
    return update;
  }

  /** The document as the converter persists it. */
  public Document write(Object document) {
    Document written = new Document();
    mongo.getConverter().write(document, written);
    return written;
  }
}
