package no.instanceplatform.bench;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * Creating and reading instances through Storage's API against the same writes and reads straight into its store
 * with the MongoDB Java driver. Storage's create of {@value AppApiServer#APP} for party 501337 (as user 1337) is
 * compared with inserting a copy of the very document that create stored (a new {@code _id}) into a collection with
 * the same indexes as Storage's {@code instances}; Storage's read with a find by {@code _id} in {@code instances}.
 * What Storage does besides (the token, the app's metadata, the instance event, the JSON) is what the ratio shows.
 */
final class InstanceScenarios {

  static final String GROUP = "Storage versus its store";
  static final String COLLECTION = "instances";
  /** Where the create baseline inserts: not {@code instances}, whose queries it would change. */
  static final String BASELINE_COLLECTION = "bench_baseline_instances";

  private final DataClient storage;
  private final MetadataStore store;
  private final Versus versus;
  private final List<String> created = Collections.synchronizedList(new ArrayList<>());

  InstanceScenarios(DataClient storage, MetadataStore store, Versus versus) {
    this.storage = storage;
    this.store = store;
    this.versus = versus;
  }

  Comparison create() {
    String token = storage.userToken(DataClient.USER);
    MongoCollection<Document> instances = store.database().getCollection(COLLECTION);
    Document template = instances.find(eq("_id", guid(storage.createInstance(AppApiServer.APP, token)))).first();
    if (template == null) {
      throw new IllegalStateException("Storage's instance is not in " + COLLECTION + " of " + store.description());
    }
    MongoCollection<Document> copies = withIndexesOf(instances, BASELINE_COLLECTION);
    return versus.run(GROUP, "create instance", Comparison.Target.throughput(0.5),
        new Versus.Contender("POST /storage/api/v1/instances?appId=" + AppApiServer.APP, i ->
            created.add(storage.createInstance(AppApiServer.APP, token))),
        new Versus.Contender("insertOne of the document Storage stored, new _id, same indexes", i ->
            copies.insertOne(new Document(template).append("_id", UUID.randomUUID().toString()))));
  }

  /** Reads the instances {@link #create()} made, each client a different one, in the same order on both sides. */
  Comparison get() {
    if (created.isEmpty()) {
      throw new IllegalStateException("get() reads what create() made; run that first");
    }
    String token = storage.userToken(DataClient.USER);
    MongoCollection<Document> instances = store.database().getCollection(COLLECTION);
    List<String> ids = List.copyOf(created);
    return versus.run(GROUP, "get instance", Comparison.Target.throughput(0.5),
        new Versus.Contender("GET /storage/api/v1/instances/{partyId}/{guid}", i ->
            storage.getInstance(ids.get(i % ids.size()), token)),
        new Versus.Contender("find by _id in " + COLLECTION, i -> {
          String guid = guid(ids.get(i % ids.size()));
          Document found = instances.find(eq("_id", guid)).first();
          if (found == null) {
            throw new IllegalStateException("No instance " + guid + " in the store");
          }
        }));
  }

  /** Instances created so far, as {@code {partyId}/{guid}}. */
  List<String> created() {
    return List.copyOf(created);
  }

  /** An empty collection {@code name} with the indexes of {@code source} (but its {@code _id} one, which all have). */
  private MongoCollection<Document> withIndexesOf(MongoCollection<Document> source, String name) {
    MongoCollection<Document> target = store.database().getCollection(name);
    target.drop();
    for (Document index : source.listIndexes()) {
      if (!"_id_".equals(index.getString("name"))) {
        target.createIndex(index.get("key", Document.class), new IndexOptions().name(index.getString("name")));
      }
    }
    return target;
  }

  private static String guid(String instanceId) {
    return instanceId.substring(instanceId.indexOf('/') + 1);
  }
}
