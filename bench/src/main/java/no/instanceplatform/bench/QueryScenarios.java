package no.instanceplatform.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The instance query through Storage against the same query straight to its store with the driver, on bench/query's
 * data set and with its code: {@link InstanceLoader} loads the instances (through Storage's store port, in this
 * process, into the same database the Storage under test reads), {@link QueryRunner} walks to the deep page, times
 * page 1 and the deep page and checks every page. The driver side runs the query Storage's store runs (the same
 * filter, the keyset condition, the order on {@code (lastChanged, _id)} descending, 101 documents without the
 * outbox, and on page 1 the count) and is checked against the same expected order.
 */
final class QueryScenarios {

  static final String GROUP = "Storage versus its store";
  static final String DEPTH_GROUP = "Query depth";

  private final QueryClient client;
  private final QueryRunner runner;
  private final BenchmarkOptions options;
  private final MongoCollection<Document> instances;
  private final boolean explains;
  private final List<QueryPlan> plans = new ArrayList<>();
  private final ProcessStats stats;
  private final PrintStream log;

  QueryScenarios(QueryClient client, BenchmarkOptions options, MetadataStore store, ProcessStats stats,
      PrintStream log) {
    this.client = client;
    this.runner = new QueryRunner(client, options, log);
    this.options = options;
    this.instances = store.database().getCollection(InstanceScenarios.COLLECTION);
    this.explains = !store.isEmulator();
    this.stats = stats;
    this.log = log;
  }

  /** Loads the data set through an in-process Storage on {@code store}, which must hold no instances yet. */
  static InstanceLoader.Loaded load(MetadataStore store, int instances, PrintStream log) {
    try (StorageProcess loader = StorageProcess.start(store.uri())) {
      InstanceLoader.Loaded loaded = new InstanceLoader(loader.store(), log).load(instances);
      log.printf("Loaded %,d instances in %.1f s%n", instances, loaded.took().toMillis() / 1e3);
      return loaded;
    }
  }

  /** The org query and the party query, each: page 1 and the deep page versus the driver, and deep versus first. */
  List<Comparison> run(InstanceLoader.Loaded loaded) {
    List<Comparison> rows = new ArrayList<>();
    rows.addAll(query(new QueryRunner.Scenario("org", "org=" + InstanceLoader.ORG,
        "app owner ttd (instances.read)", () -> client.orgToken(InstanceLoader.ORG), loaded.org()), orgFilter()));
    rows.addAll(query(new QueryRunner.Scenario("party", "instanceOwner.partyId=" + InstanceLoader.PARTY,
        "user 1337 (party 501337, level 2)", () -> client.userToken(1337), loaded.party()), partyFilter()));
    return rows;
  }

  /** The org query's filter, as Storage's store runs it for an app owner. */
  static Bson orgFilter() {
    return eq("org", InstanceLoader.ORG);
  }

  /** The party query's filter with what Storage adds for an end user: only visible instances, never hard-deleted. */
  static Bson partyFilter() {
    return and(in("instanceOwner.partyId", List.of(InstanceLoader.PARTY)), eq("status.isHardDeleted", false),
        lte("visibleAfter", new Date()));
  }

  /** {@code filter} from the keyset position on: after {@code position} in the order of the pages. */
  static Bson after(Bson filter, ExpectedOrder.Key position) {
    return and(filter, or(lt("lastChanged", new Date(position.lastChanged())),
        and(eq("lastChanged", new Date(position.lastChanged())), lt("_id", position.guid()))));
  }

  /** The find of a page, the query Storage's store runs: 101 documents in the pages' order, without the outbox. */
  static FindIterable<Document> pageQuery(MongoCollection<Document> instances, Bson filter) {
    return instances.find(filter).sort(Sorts.descending("lastChanged", "_id"))
        .projection(Projections.exclude("pendingEvents")).limit(BenchmarkOptions.PAGE_SIZE + 1);
  }

  private List<Comparison> query(QueryRunner.Scenario scenario, Bson filter) {
    ProcessStats.Start start = stats.start();
    QueryResult storage = runner.run(scenario);
    if (!storage.failures().isEmpty()) {
      throw new IllegalStateException(scenario.name() + " query: wrong pages: " + storage.failures());
    }
    ExpectedOrder.Key position = scenario.expected().keyAt(options.skipped() - 1);
    Bson deepFilter = after(filter, position);
    // One warm-up round, then as many as Storage had.
    page(filter, 0, scenario.expected(), true);
    page(deepFilter, options.skipped(), scenario.expected(), false);
    List<Double> firstMs = new ArrayList<>();
    List<Double> deepMs = new ArrayList<>();
    for (int r = 0; r < options.rounds(); r++) {
      firstMs.add(page(filter, 0, scenario.expected(), true));
      deepMs.add(page(deepFilter, options.skipped(), scenario.expected(), false));
    }
    Map<String, ProcessStats.Usage> usage = stats.since(start);
    String name = scenario.name() + " query";
    String deep = String.format(Locale.ROOT, "page %,d", options.deepPage());
    Side storageFirst = Side.ofSingleRequests(storage.request() + " (page 1)", storage.page1Ms(), 0);
    Side storageDeep = Side.ofSingleRequests(storage.request() + " (" + deep + ")", storage.deepPageMs(), 0);
    List<Comparison> rows = List.of(
        Comparison.of(GROUP, name + ", page 1", storageFirst,
            Side.ofSingleRequests("driver: find, sort, limit 101 + countDocuments", firstMs, 0),
            Comparison.Target.throughput(0.5), usage),
        Comparison.of(GROUP, name + ", " + deep, storageDeep,
            Side.ofSingleRequests("driver: find after the keyset position, sort, limit 101", deepMs, 0),
            Comparison.Target.throughput(0.5), usage),
        Comparison.of(DEPTH_GROUP, name + ": " + deep + " versus page 1 (Storage)", storageDeep, storageFirst,
            Comparison.Target.latency(BenchmarkReport.MAX_RATIO), usage));
    rows.forEach(row -> log.printf("  %s: ratio %.2f (%s: %s)%n", row.scenario(), row.ratio(), row.target(),
        row.met() ? "met" : "MISSED"));
    if (explains) {
      plans.add(QueryPlan.explain(name + ", page 1", pageQuery(instances, filter)));
      plans.add(QueryPlan.explain(name + ", " + deep, pageQuery(instances, deepFilter)));
    }
    return rows;
  }

  /** How a MongoDB ran the driver's side of each query row (its find; not page 1's count); none on the emulator. */
  List<QueryPlan> plans() {
    return List.copyOf(plans);
  }

  /** One page through the driver, checked against the expected order; its time in milliseconds. */
  private double page(Bson filter, long skipped, ExpectedOrder expected, boolean count) {
    long start = System.nanoTime();
    List<String> guids = new ArrayList<>();
    for (Document document : pageQuery(instances, filter)) {
      guids.add(document.getString("_id"));
    }
    long total = count ? instances.countDocuments(filter) : expected.size();
    double millis = (System.nanoTime() - start) / 1e6;
    List<String> want = expected.slice(skipped, BenchmarkOptions.PAGE_SIZE + 1);
    if (!guids.equals(want) || total != expected.size()) {
      throw new IllegalStateException("The driver's page after " + skipped + " is not the expected one (" + total
          + " of " + expected.size() + " counted)");
    }
    return millis;
  }
}
