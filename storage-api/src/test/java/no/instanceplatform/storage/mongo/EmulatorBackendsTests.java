package no.instanceplatform.storage.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator finds by {@code _id} and more as a scan would, on both backends Storage embeds. */
class EmulatorBackendsTests {

  @TempDir
  Path dir;

  @Test
  void aFilterOnIdAndVersionWritesOnlyWhileTheVersionMatches() {
    onEachBackend(collection -> {
      collection.insertOne(new Document("_id", "a").append("version", 1L));
      collection.insertOne(new Document("_id", "b").append("version", 1L));
      FindOneAndUpdateOptions returnNew = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

      Document written = collection.findOneAndUpdate(filter("a", "version", 1L),
          Updates.inc("version", 1L), returnNew);
      Document stale = collection.findOneAndUpdate(filter("a", "version", 1L),
          Updates.inc("version", 1L), returnNew);

      assertThat(written.getLong("version")).isEqualTo(2L);
      assertThat(stale).isNull();
      assertThat(collection.find(eq("_id", "a")).first().getLong("version")).isEqualTo(2L);
      assertThat(collection.find(eq("_id", "b")).first().getLong("version")).isEqualTo(1L);
    });
  }

  @Test
  void aFilterOnIdAndMoreFindsWhatAScanFinds() {
    onEachBackend(collection -> {
      collection.insertOne(new Document("_id", "a").append("org", "ttd"));
      collection.insertOne(new Document("_id", "b").append("org", "ttd"));
      collection.insertOne(new Document("_id", "c").append("org", "other"));

      assertThat(ids(collection, filter("a", "org", "ttd"))).containsExactly("a");
      assertThat(ids(collection, filter("c", "org", "ttd"))).isEmpty();
      assertThat(ids(collection, filter("missing", "org", "ttd"))).isEmpty();
      assertThat(ids(collection, filter(new Document("$in", List.of("a", "b", "c")), "org", "ttd"))).containsExactlyInAnyOrder("a", "b");
      assertThat(ids(collection, filter(new Document("$ne", "a"), "org", "ttd"))).containsExactly("b");
    });
  }

  @Test
  void idsStayUnique() {
    onEachBackend(collection -> {
      collection.insertOne(new Document("_id", "a"));

      assertThatThrownBy(() -> collection.insertOne(new Document("_id", "a")))
          .isInstanceOf(MongoWriteException.class);
    });
  }

  @Test
  void thePersistedBackendFindsByIdAndMoreAfterARestart() {
    String file = dir.resolve("restart.mv").toString();
    withCollection(EmulatorBackends.persisted(file),
        collection -> collection.insertOne(new Document("_id", "a").append("version", 3L)));

    withCollection(EmulatorBackends.persisted(file), collection -> {
      assertThat(ids(collection, filter("a", "version", 3L))).containsExactly("a");
      assertThat(ids(collection, filter("a", "version", 2L))).isEmpty();
    });
  }

  /** Flat, as Spring Data writes a chain of criteria (the driver's {@code Filters.and} writes an {@code $and}). */
  private static Document filter(Object id, String field, Object value) {
    return new Document("_id", id).append(field, value);
  }

  private void onEachBackend(Consumer<MongoCollection<Document>> test) {
    withCollection(EmulatorBackends.inMemory(), test);
    withCollection(EmulatorBackends.persisted(dir.resolve("each.mv").toString()), test);
  }

  private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> test) {
    MongoServer server = new MongoServer(backend);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
      test.accept(client.getDatabase("emulator").getCollection("instances"));
    } finally {
      server.shutdown();
    }
  }

  private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
    return collection.find(filter).map(document -> document.getString("_id")).into(new ArrayList<>());
  }
}
