package no.instanceplatform.storage.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;

/**
 * The MongoDB emulator's backends (mongo-java-server), in memory or persisted, with the one change that lets it find a
 * document by {@code _id} as MongoDB does. The emulator uses an index only for a filter on exactly that index's keys,
 * so a filter on {@code _id} and anything else beside it, such as the version condition of every instance write
 * ({@code {_id, version}}), scanned the whole collection: about 100 ms a write at 200,000 instances. MongoDB looks
 * such a filter up in the {@code _id} index and checks the rest on the one document found; so does this.
 */
public final class EmulatorBackends {

  private static final String ID = "_id";

  private EmulatorBackends() {}

  /** Everything in memory: the tests and the benchmark. */
  public static MongoBackend inMemory() {
    return new MemoryBackend() {
      @Override
      public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
          @Override
          protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
              List<IndexKey> keys, boolean sparse) {
            return byIdFirst(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
          }
        };
      }
    };
  }

  /** Persisted to one file (H2 MVStore): {@code bin/run}. */
  public static MongoBackend persisted(String file) {
    return new H2Backend(file) {
      @Override
      protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
          @Override
          protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
              List<IndexKey> keys, boolean sparse) {
            return byIdFirst(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
          }
        };
      }
    };
  }

  private static <P> Index<P> byIdFirst(Index<P> index) {
    boolean primaryKey = index.getKeys().size() == 1 && ID.equals(index.getKeys().getFirst().getKey());
    return primaryKey ? new IdIndex<>(index) : index;
  }

  /**
   * The {@code _id} index as the emulator made it, which also answers a filter that has {@code _id} beside other
   * conditions: with the documents of its {@code _id} condition alone. That is a superset of the matches (the
   * conditions of a filter's top level all must hold), and the emulator checks the whole filter on each document it
   * gets from an index, so the answer is the same as a scan's.
   */
  private static final class IdIndex<P> extends Index<P> {

    private final Index<P> index;

    IdIndex(Index<P> index) {
      super(index.getName(), index.getKeys(), false);
      this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
      return index.canHandle(query) || query.containsKey(ID) && index.canHandle(idCondition(query));
    }

    @Override
    public Iterable<P> getPositions(Document query) {
      return index.getPositions(index.canHandle(query) ? query : idCondition(query));
    }

    private static Document idCondition(Document query) {
      return new Document(ID, query.get(ID));
    }

    @Override
    public P getPosition(Document document) {
      return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
      index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
      index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
      return index.remove(document);
    }

    @Override
    public long getCount() {
      return index.getCount();
    }

    @Override
    public long getDataSize() {
      return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
      index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
        throws KeyConstraintError {
      index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public boolean isUnique() {
      return index.isUnique();
    }

    @Override
    public void drop() {
      index.drop();
    }
  }
}
