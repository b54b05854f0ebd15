package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs bench/run end to end on the smallest setting (the emulator in its own process, Storage's and the App API's
 * jars, files on disk, a handful of requests per scenario, an 8 MiB file through the App API) so that its code cannot
 * rot between real runs. It asserts that every scenario answered right and was reported, and that the report reached
 * its files; it asserts no timing: speed is judged by the real runs.
 */
class PlatformBenchmarkSmokeTests {

  @Test
  void aTinyRunMeasuresEveryScenarioAndWritesTheReport(@TempDir Path dir) throws Exception {
    Path docs = dir.resolve("PERFORMANCE.md");
    Files.writeString(docs, "# Performance\n\nBefore.\n\n" + RunReport.BEGIN + "\nold table\n" + RunReport.END
        + "\n\nAfter.\n");
    RunOptions options = tinyRun(dir, null, docs);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    RunReport report = PlatformBenchmark.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
    report.write(options.results(), options.resultsName(), options.docs());

    assertThat(report.metadataStore()).isEqualTo(MetadataStore.EMULATOR);
    assertThat(report.plans()).as("the emulator has no query planner").isEmpty();
    assertEveryScenarioMeasured(report, "storage", "app-api", "emulator", "bench client");
    assertThat(report.comparisons().get(6).subject().clients()).as("create against the store").isEqualTo(2);
    assertThat(report.comparisons().get(6).subject().requests()).isEqualTo(4);
    assertThat(report.comparisons().get(11).baseline().what())
        .as("the App API's create against the same through Storage").contains("process/instanceandevents");

    MemoryScenario memory = report.memory();
    assertThat(memory.sizeMib()).isEqualTo(8);
    assertThat(memory.sha256()).hasSize(64);
    assertThat(memory.processes().get("storage").peakRssMib()).isPositive();
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("SHA-256 equal")
        .contains("Warmed the App API up with 5 reads and 1 creates")
        .contains("Warmed Storage up with 3 creates, reads and liveness probes")
        .contains("more round trips through Storage's API");

    JsonNode json = JsonMapper.builder().build().readTree(options.results().resolve("quick.json").toFile());
    assertThat(json.path("comparisons")).hasSize(16);
    assertThat(json.path("machine").path("loadAverageAtEnd").isNumber()).isTrue();
    String updated = Files.readString(docs);
    assertThat(updated).startsWith("# Performance\n\nBefore.\n\n" + RunReport.BEGIN).endsWith(RunReport.END
        + "\n\nAfter.\n").doesNotContain("old table").contains("| create instance | 2 |")
        .contains("Memory: a 8 MiB file up and down through the App API")
        .contains("| none: a reference |").contains("Query plans: none.")
        .containsPattern("Targets: \\d+ of 14 met\\.");
  }

  @Test
  void rerunningReplacesTheTableAndAFileWithoutMarkersGetsThem(@TempDir Path dir) throws Exception {
    Path docs = dir.resolve("PERFORMANCE.md");
    Files.writeString(docs, "# Performance\n");

    RunReport.replaceBetweenMarkers(docs, "first\n");
    RunReport.replaceBetweenMarkers(docs, "second\n");

    assertThat(Files.readString(docs)).isEqualTo("# Performance\n\n" + RunReport.BEGIN + "\n\nsecond\n\n"
        + RunReport.END + "\n");
  }

  @Test
  void theDefaultsOfAFullAndAQuickRunAndBadArgumentsAreRefused() {
    Path root = Path.of("/repo");
    RunOptions full = RunOptions.parse(new String[0], Map.of(), root);
    assertThat(full).extracting(RunOptions::quick, RunOptions::jmh, RunOptions::instances, RunOptions::deepPage,
        RunOptions::clients, RunOptions::memoryMib, RunOptions::instanceWarmUpRequests,
        RunOptions::untilQuietRequests, RunOptions::resultsName)
        .containsExactly(false, RunOptions.Jmh.INCLUDE, 200_000, 1000, 16, 1024,
            InstanceScenarios.MOST_WARM_UP_REQUESTS, BlobBenchmarkOptions.UNTIL_QUIET_REQUESTS, "latest");
    assertThat(full.fileSizesMib()).containsExactly(1, 100);
    assertThat(full.docs()).isEqualTo(root.resolve("docs/PERFORMANCE.md"));

    RunOptions quick = RunOptions.parse(new String[] {"--quick"}, Map.of(), root);
    assertThat(quick).extracting(RunOptions::jmh, RunOptions::instances, RunOptions::deepPage, RunOptions::rounds,
        RunOptions::instanceWarmUpRequests, RunOptions::untilQuietRequests, RunOptions::resultsName)
        .containsExactly(RunOptions.Jmh.SKIP, 20_000, 100, 3, 0, 0, "quick");
    assertThat(quick.docs()).as("a quick run leaves the docs alone unless told").isNull();
    assertThat(RunOptions.parse(new String[] {"--quick", "--jmh", "--docs=x.md"}, Map.of(), root))
        .extracting(RunOptions::jmh, RunOptions::docs).containsExactly(RunOptions.Jmh.INCLUDE, Path.of("x.md"));
    assertThat(RunOptions.parse(new String[0], Map.of("MONGODB_URI", "mongodb://db:27017"), root).instances())
        .isEqualTo(1_000_000);

    assertThatThrownBy(() -> RunOptions.parse(new String[] {"--blobs=s3"}, Map.of(), root))
        .hasMessageContaining("azurite or filesystem");
    assertThatThrownBy(() -> RunOptions.parse(new String[] {"--fast"}, Map.of(), root))
        .hasMessageContaining("unknown argument");
  }

  @Test
  void percentilesAreNearestRankAndJmhScoresAreRead() {
    double[] values = {5, 1, 4, 2, 3};
    assertThat(Side.percentile(values, 50)).isEqualTo(3);
    assertThat(Side.percentile(values, 99)).as("fewer than 100: the largest").isEqualTo(5);

    List<JmhRun.Score> scores = JmhRun.scores("""
        [{"benchmark": "no.instanceplatform.storage.query.ContinuationTokenBenchmark.sign", "mode": "avgt",
          "primaryMetric": {"score": 1.6224, "scoreError": "NaN", "scoreUnit": "us/op"}},
         {"benchmark": "no.instanceplatform.bench.jmh.InstanceJsonBenchmark.serialize", "mode": "avgt",
          "primaryMetric": {"score": 51.2, "scoreError": 0.51, "scoreUnit": "us/op"}}]""");
    assertThat(scores).extracting(JmhRun.Score::benchmark)
        .containsExactly("ContinuationTokenBenchmark.sign", "InstanceJsonBenchmark.serialize");
    assertThat(scores.get(0).score()).isEqualTo(1.622);
    assertThat(scores.get(0).error()).isNaN();
    assertThat(scores.get(1).error()).isEqualTo(0.51);
  }

  /**
   * The smallest run of every scenario (a handful of requests each, 3,000 instances, page 10 as the deep page, an
   * 8 MiB file through the App API) on the MongoDB at {@code mongoUri}, or on the emulator when it is null.
   */
  static RunOptions tinyRun(Path dir, String mongoUri, Path docs) {
    requireAppApiJar();
    return new RunOptions(true, RunOptions.Jmh.SKIP, mongoUri, false, "256m", "512m", 3_000, 10, 2, 4, 1, 3, 0, 1, 2,
        5, 3, 1, List.of(1), 8, dir.resolve("results"), docs);
  }

  /** Every scenario of a tiny run answered, was reported in order with figures, and watched these processes. */
  static void assertEveryScenarioMeasured(RunReport report, String... processes) {
    assertThat(report.quick()).isTrue();
    assertThat(report.blobStore()).startsWith("files");
    assertThat(report.comparisons()).extracting(Comparison::scenario).containsExactly(
        "org query, page 1", "org query, page 10", "org query: page 10 versus page 1 (Storage)",
        "party query, page 1", "party query, page 10", "party query: page 10 versus page 1 (Storage)",
        "create instance", "get instance", "HTTP floor: Storage's liveness probe", "upload 1 MiB files",
        "download 1 MiB files", "create instance via the App API",
        "create instance via the App API, against Storage's create alone", "get instance via the App API",
        "upload 1 MiB certificate via the App API", "download 1 MiB certificate via the App API");
    for (Comparison row : report.comparisons()) {
      assertThat(List.of(row.subject().medianMs(), row.subject().throughput(), row.baseline().medianMs(),
          row.baseline().throughput())).as(row.scenario()).allMatch(value -> value > 0);
      // Two decimals: a tiny run on a busy machine can put a file row at 0.00.
      assertThat(row.ratio()).as(row.scenario()).isFinite().isNotNegative();
      assertThat(row.processes()).as(row.scenario()).containsOnlyKeys(processes);
    }
  }

  /** The App API's jar is another module's; the full build (bin/test) makes it before this one. */
  private static void requireAppApiJar() {
    if (ServiceJar.APP_API.findIfBuilt().isEmpty()) {
      String missing = "No app-api/target/app-api-*-exec.jar: build it first (mvn -pl app-api -am package)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(missing);
      }
      Assumptions.abort(missing);
    }
  }
}
