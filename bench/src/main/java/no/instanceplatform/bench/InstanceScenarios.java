package no.instanceplatform.bench;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.instanceplatform.testkit.ServiceProcess;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Creating and reading instances through Storage's API against the same writes and reads straight into its store
 * with the MongoDB Java driver. Storage's create of {@value AppApiServer#APP} for party 501337 (as user 1337) is
 * compared with inserting copies of the very documents that create left in the store (a new id each): the instance
 * and its {@code Created} event, each into a collection with the same indexes as Storage's; Storage's read with a
 * find by {@code _id} in {@code instances}. What Storage does besides (the token, the app's metadata, the outbox
 * that makes the instance and its event one change, the JSON) is what the ratio shows.
 */
final class InstanceScenarios {

  static final String GROUP = "Storage versus its store";
  static final String COLLECTION = "instances";
  static final String EVENTS = "instanceEvents";
  /** Where the create baseline inserts: not Storage's collections, whose queries it would change. */
  static final String BASELINE_PREFIX = "bench_baseline_";
  /**
   * Requests of each kind in a batch of the warm-up: a batch of seconds, so that the compilers' share of it means
   * something. Batches of 100 of each took a fraction of a second and read as quiet after 7,500 requests, while
   * Storage went on compiling its read: it spent 0.77 ms of CPU a read in the rounds after, where one that had served
   * 30,000 reads by hand spent 0.23 to 0.27 ms.
   */
  static final int WARM_UP_BATCH_EACH = 1_000;
  /**
   * The most requests the warm-up makes. By hand, a fresh Storage's compilers worked about one CPU's worth through
   * the first 54,000 requests of such batches (from 16 clients), then fell to a few per cent after 66,000.
   */
  static final int MOST_WARM_UP_REQUESTS = 90_000;

  private final DataClient storage;
  private final MetadataStore store;
  private final Versus versus;
  private final List<String> created = Collections.synchronizedList(new ArrayList<>());

  InstanceScenarios(DataClient storage, MetadataStore store, Versus versus) {
    this.storage = storage;
    this.store = store;
    this.versus = versus;
  }

  /**
   * Creates, reads and liveness probes through Storage, untimed, with the rounds' clients, in batches of up to
   * {@value #WARM_UP_BATCH_EACH} of each (a third of {@code maxRequests} when that is less) until Storage's compilers
   * are quiet ({@link JitWatch#untilQuiet}) or {@code maxRequests} were made; nothing when that is 0. The scenarios
   * before these (the query's) run other paths: without this, a full run measured a Storage still compiling, whose
   * creates rose from 419 to 1,069 a second from its first measured round to its fifth.
   */
  void warmUp(JitWatch jit, int maxRequests, PrintStream log) {
    if (maxRequests == 0) {
      return;
    }
    String token = storage.userToken(DataClient.USER);
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    int each = Math.max(1, Math.min(WARM_UP_BATCH_EACH, maxRequests / 3));
    long start = System.nanoTime();
    JitWatch.Quieting quieting = jit.untilQuiet(3 * each, () -> {
      LoadGenerator.run(versus.clients(), each, i -> ids.add(storage.createInstance(AppApiServer.APP, token)));
      LoadGenerator.run(versus.clients(), each, i -> storage.getInstance(ids.get(i % ids.size()), token));
      LoadGenerator.run(versus.clients(), each, i -> storage.liveness());
    }, maxRequests);
    log.printf(Locale.ROOT, "Warmed Storage up with %,d creates, reads and liveness probes in %.1f s, %s: they worked "
        + "%.1f%% of the last batch's time%n", quieting.requests(), (System.nanoTime() - start) / 1e9,
        quieting.howItEnded(), quieting.lastBatchPercent());
  }

  Comparison create() {
    String token = storage.userToken(DataClient.USER);
    String id = storage.createInstance(AppApiServer.APP, token);
    Document instance = stored(COLLECTION, eq("_id", guid(id)));
    Document event = stored(EVENTS, eq("instanceId", id));
    MongoCollection<Document> instanceCopies = copyOf(COLLECTION);
    MongoCollection<Document> eventCopies = copyOf(EVENTS);
    return versus.run(GROUP, "create instance", Comparison.Target.throughput(0.5),
        new Versus.Contender("POST /storage/api/v1/instances?appId=" + AppApiServer.APP, i ->
            created.add(storage.createInstance(AppApiServer.APP, token))),
        new Versus.Contender("insertOne of the instance document Storage stored, then of its event document (new "
            + "ids; collections with the same indexes)", i -> {
              String guid = UUID.randomUUID().toString();
              instanceCopies.insertOne(new Document(instance).append("_id", guid));
              eventCopies.insertOne(new Document(event).append("_id", UUID.randomUUID().toString())
                  .append("instanceId", DataClient.PARTY + "/" + guid));
            }));
  }

  /** Reads the instances {@link #create()} made, each client a different one, in the same order on both sides. */
  Comparison get() {
    String token = storage.userToken(DataClient.USER);
    List<String> ids = createdIds();
    return versus.run(GROUP, "get instance", Comparison.Target.throughput(0.5),
        new Versus.Contender("GET /storage/api/v1/instances/{partyId}/{guid}", i ->
            storage.getInstance(ids.get(i % ids.size()), token)),
        findById(ids));
  }

  /**
   * The least any request to Storage costs on this machine, against the same baseline as {@link #get()}: how close to
   * the driver an HTTP service can come here at all, with the client, the service and the store on the same CPUs.
   */
  Comparison httpFloor() {
    List<String> ids = createdIds();
    return versus.run(GROUP, "HTTP floor: Storage's liveness probe", Comparison.Target.reference(),
        new Versus.Contender("GET /actuator/health/liveness (no token, no store, a constant answer)", i ->
            storage.liveness()),
        findById(ids));
  }

  /** How a MongoDB ran the read's baseline, a find by {@code _id}; none on the emulator. */
  List<QueryPlan> plans() {
    if (store.isEmulator()) {
      return List.of();
    }
    String guid = guid(createdIds().getFirst());
    return List.of(QueryPlan.explain("get instance",
        store.database().getCollection(COLLECTION).find(eq("_id", guid))));
  }

  private Versus.Contender findById(List<String> ids) {
    MongoCollection<Document> instances = store.database().getCollection(COLLECTION);
    return new Versus.Contender("find by _id in " + COLLECTION, i -> {
      String guid = guid(ids.get(i % ids.size()));
      Document found = instances.find(eq("_id", guid)).first();
      if (found == null) {
        throw new IllegalStateException("No instance " + guid + " in the store");
      }
    });
  }

  private List<String> createdIds() {
    if (created.isEmpty()) {
      throw new IllegalStateException("get() and httpFloor() read what create() made; run that first");
    }
    return List.copyOf(created);
  }

  /**
   * What Storage stored in {@code collection}, found by {@code filter}: waited for a little, as Storage delivers the
   * events of a change from its outbox just after the change.
   */
  private Document stored(String collection, Bson filter) {
    for (int attempt = 0; attempt < 50; attempt++) {
      Document found = store.database().getCollection(collection).find(filter).first();
      if (found != null) {
        return found;
      }
      ServiceProcess.sleep(100);
    }
    throw new IllegalStateException("Storage's new instance left nothing in " + collection + " of "
        + store.description());
  }

  /**
   * An empty collection beside {@code collection} with its indexes (but the {@code _id} one, which all have): where
   * the baseline writes copies.
   */
  private MongoCollection<Document> copyOf(String collection) {
    MongoCollection<Document> source = store.database().getCollection(collection);
    MongoCollection<Document> target = store.database().getCollection(BASELINE_PREFIX + collection);
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
