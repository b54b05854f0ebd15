package no.instanceplatform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a run measured, where, and on what: written as JSON (bench/results/query-latest.json) and as the Markdown
 * table that docs/PERFORMANCE.md quotes.
 *
 * @param store where the instances were: the emulator or a MongoDB (never the credentials)
 * @param maxRatio the target: the deep page may cost at most this many times page 1
 */
record BenchmarkReport(
    String benchmark,
    String date,
    String store,
    int instances,
    int rounds,
    int warmUpRounds,
    int pageSize,
    int deepPage,
    int walkPageSize,
    double loadSeconds,
    double runSeconds,
    Machine machine,
    double maxRatio,
    boolean targetMet,
    List<QueryResult> queries) {

  static final double MAX_RATIO = 1.5;

  /**
   * The machine the run was on. The load averages (1 minute, at the start and the end of the run) show whether
   * something else competed for the CPUs: the benchmark's client and Storage share them already.
   */
  record Machine(int cpus, String cpu, String jvm, String os, long maxHeapMb, double loadAverageAtStart,
      double loadAverageAtEnd) {

    static double loadAverage() {
      return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    static Machine current(double loadAverageAtStart) {
      return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
          System.getProperty("java.vm.name") + " " + Runtime.version(),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"),
          Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverageAtStart, loadAverage());
    }

    private static String cpuModel() {
      try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
        return lines.filter(line -> line.startsWith("model name")).findFirst()
            .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
      } catch (IOException | UncheckedIOException e) {
        return "unknown";
      }
    }
  }

  /** Every page of every query was right. */
  boolean correct() {
    return queries.stream().allMatch(query -> query.failures().isEmpty());
  }

  String markdown() {
    StringBuilder table = new StringBuilder()
        .append(String.format(Locale.ROOT, "Instance query, %s: %,d instances in the %s; %s, %d CPUs (load "
                + "average %.1f at the start, %.1f at the end); median of %d rounds after %d warm-up round.%n%n", date,
            instances, store, machine.jvm(), machine.cpus(), machine.loadAverageAtStart(), machine.loadAverageAtEnd(),
            rounds, warmUpRounds))
        .append(String.format(Locale.ROOT, "| query | totalHits | page 1 (ms) | page 2 (ms) | page %,d (ms) "
            + "| page %,d / page 1 | page %,d / page 2 |%n", deepPage, deepPage, deepPage))
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (QueryResult query : queries) {
      table.append(String.format(Locale.ROOT, "| %s: `%s` | %,d | %.1f | %.1f | %.1f | %.2f | %.2f |%n",
          query.name(), query.request().replace("GET /storage/api/v1/instances", ""), query.totalHits(),
          query.page1MedianMs(), query.page2MedianMs(), query.deepPageMedianMs(), query.ratio(),
          query.ratioToPage2()));
    }
    table.append(String.format(Locale.ROOT, "%nTarget: page %,d costs at most %.1f times page 1: %s. "
        + "Correctness: %s.%n", deepPage, maxRatio, targetMet ? "met" : "NOT met", correct()
        ? String.format(Locale.ROOT, "every page full and in the expected order, page %,d starting at instance %,d",
            deepPage, (long) (deepPage - 1) * pageSize + 1)
        : "FAILED, see the JSON"));
    return table.toString();
  }

  /** Writes {@code name}.json and {@code name}.md into {@code directory}. */
  void write(Path directory, String name) {
    ResultFiles.write(directory, name, this, markdown());
  }
}
