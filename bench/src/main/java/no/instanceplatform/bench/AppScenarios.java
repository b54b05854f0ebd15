package no.instanceplatform.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The App API against Storage for the same operations, as user 1337 for party 501337 on the sample app
 * {@value AppApiServer#APP}: creating an instance (the App API also starts its process and creates the first task's
 * form data, which Storage's create does not: the ratio shows what an app's create costs), and reading one. Files
 * are {@link FileScenarios#appVersusStorage}'s.
 */
final class AppScenarios {

  /** The target: the App API's median latency at most this many times Storage's. */
  static final double MAX_LATENCY_RATIO = 1.3;
  /** How many instances the reads go round: few, so that the warm-up has opened each (the App API marks it read). */
  private static final int READ_INSTANCES = 16;

  private final DataClient app;
  private final DataClient storage;
  private final Versus versus;

  AppScenarios(DataClient app, DataClient storage, Versus versus) {
    this.app = app;
    this.storage = storage;
    this.versus = versus;
  }

  /**
   * Untimed requests through the App API, {@code reads} reads and a tenth as many creates, so that its request paths
   * run compiled code as Storage's do by the time they are compared: Storage has served thousands of creates and
   * reads in the scenarios before, the App API none (measured by hand: its read fell from 5.3 to 1.1 ms over its
   * first 20,000). Logs the time taken.
   */
  void warmUp(int reads, PrintStream log) {
    long start = System.nanoTime();
    String token = storage.userToken(DataClient.USER);
    String id = app.createInstance(AppApiServer.APP, token);
    for (int i = 0; i < reads; i++) {
      app.getInstance(id, token);
      if (i % 10 == 0) {
        app.createInstance(AppApiServer.APP, token);
      }
    }
    log.printf(Locale.ROOT, "Warmed the App API up with %,d reads and %,d creates in %.1f s%n", reads,
        (reads + 9) / 10, (System.nanoTime() - start) / 1e9);
  }

  Comparison create() {
    String token = storage.userToken(DataClient.USER);
    return versus.run(FileScenarios.APP_GROUP, "create instance via the App API",
        Comparison.Target.latency(MAX_LATENCY_RATIO),
        new Versus.Contender("POST /" + AppApiServer.APP + "/instances?instanceOwnerPartyId=" + DataClient.PARTY,
            i -> app.createInstance(AppApiServer.APP, token)),
        new Versus.Contender("POST /storage/api/v1/instances?appId=" + AppApiServer.APP,
            i -> storage.createInstance(AppApiServer.APP, token)));
  }

  Comparison get() {
    String token = storage.userToken(DataClient.USER);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < READ_INSTANCES; i++) {
      ids.add(app.createInstance(AppApiServer.APP, token));
    }
    return versus.run(FileScenarios.APP_GROUP, "get instance via the App API",
        Comparison.Target.latency(MAX_LATENCY_RATIO),
        new Versus.Contender("GET /" + AppApiServer.APP + "/instances/{partyId}/{guid}",
            i -> app.getInstance(ids.get(i % ids.size()), token)),
        new Versus.Contender("GET /storage/api/v1/instances/{partyId}/{guid}",
            i -> storage.getInstance(ids.get(i % ids.size()), token)));
  }
}
