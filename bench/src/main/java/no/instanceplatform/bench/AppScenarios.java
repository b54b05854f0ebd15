package no.instanceplatform.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The App API against Storage for the same operations, as user 1337 for party 501337 on the sample app
 * {@value AppApiServer#APP}: creating an instance (against the same instance made through Storage, and, with no
 * target, against Storage's create alone), and reading one. Files are {@link FileScenarios#appVersusStorage}'s.
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

  /**
   * The App API's create against the same instance made through Storage directly ({@link StartedInstance}): the
   * target's "same operation". An app's create is more than Storage's create: it starts the process and creates
   * the first task's form data, four calls to Storage in all, so this ratio is what the App API adds to them.
   */
  Comparison create() {
    String token = storage.userToken(DataClient.USER);
    StartedInstance started = StartedInstance.of(storage, app.createInstance(AppApiServer.APP, token), token);
    return versus.run(FileScenarios.APP_GROUP, "create instance via the App API",
        Comparison.Target.latency(MAX_LATENCY_RATIO), appCreate(token),
        new Versus.Contender("the same through Storage: POST /storage/api/v1/instances?appId=" + AppApiServer.APP
            + ", PUT .../process/instanceandevents, POST .../data for each form, GET the instance",
            i -> started.createThrough(storage, AppApiServer.APP, token)));
  }

  /**
   * The App API's create against Storage's create alone, which neither starts a process nor stores data: no
   * target, a measure of what an app's create costs against a bare instance.
   */
  Comparison createAgainstBareCreate() {
    String token = storage.userToken(DataClient.USER);
    return versus.run(FileScenarios.APP_GROUP, "create instance via the App API, against Storage's create alone",
        Comparison.Target.reference(), appCreate(token),
        new Versus.Contender("POST /storage/api/v1/instances?appId=" + AppApiServer.APP,
            i -> storage.createInstance(AppApiServer.APP, token)));
  }

  private Versus.Contender appCreate(String token) {
    return new Versus.Contender("POST /" + AppApiServer.APP + "/instances?instanceOwnerPartyId=" + DataClient.PARTY,
        i -> app.createInstance(AppApiServer.APP, token));
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
