package no.instanceplatform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code bench/run} measured, where and on what: written as {@code latest.json} and as the Markdown that
 * replaces the part of docs/PERFORMANCE.md between {@link #BEGIN} and {@link #END}.
 *
 * @param quick a smoke run: its figures show the harness works, not what the services sustain
 * @param commit the commit measured ({@code git rev-parse --short HEAD}), with {@code +changes} when the tree was
 *     not clean
 * @param metadataStore where the metadata were, for Storage and the driver baselines alike
 * @param blobStore where the files were, for Storage and the blob baseline alike
 * @param services how Storage and the App API ran
 * @param plans how a MongoDB ran the driver's queries (none on the emulator, which has no query planner)
 * @param memory the memory scenario, or null when it did not run
 */
record RunReport(
    String benchmark,
    String date,
    boolean quick,
    String commit,
    String metadataStore,
    String blobStore,
    String services,
    BenchmarkReport.Machine machine,
    double runSeconds,
    int warmUpRounds,
    int rounds,
    List<Comparison> comparisons,
    List<QueryPlan> plans,
    MemoryScenario memory,
    List<JmhRun.Score> jmh) {

  static final String BEGIN = "<!-- bench/run results: begin (written by bench/run; edits here are replaced) -->";
  static final String END = "<!-- bench/run results: end -->";

  long targetsMissed() {
    return comparisons.stream().filter(comparison -> !comparison.met()).count();
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "**%s**, %s, commit `%s`. Metadata: %s. Files: %s. %s. %s, %d CPUs (%s); "
            + "load average %.2f at the start, %.2f at the end; %.0f s in all.%n%n",
        quick ? "Quick run (`bench/run --quick`: a smoke run, few and small rounds; not figures to quote)"
            : "Full run (`bench/run`)", date, commit, metadataStore, blobStore, services, machine.jvm(),
        machine.cpus(), machine.cpu(), machine.loadAverageAtStart(), machine.loadAverageAtEnd(), runSeconds));
    if (!comparisons.isEmpty()) {
      md.append(String.format(Locale.ROOT, "Medians over %d measured rounds after %d warm-up round(s) per scenario (a "
          + "round of the query and file scenarios is one request; files under %d MiB get %d times the rounds, larger "
          + "ones %d times); p99 is the nearest rank, with fewer than 100 requests the slowest. Ratio: throughput over "
          + "the baseline's, or for latency targets median latency over the baseline's.%n%n", rounds, warmUpRounds,
          BlobBenchmarkOptions.SMALL_MIB, BlobBenchmarkOptions.SMALL_ROUNDS_FACTOR,
          BlobBenchmarkOptions.LARGE_ROUNDS_FACTOR));
      md.append("| scenario | clients | median / p99 (ms) | throughput | baseline: median / p99 (ms) "
          + "| baseline: throughput | ratio | target |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
      String group = null;
      for (Comparison row : grouped()) {
        if (!row.group().equals(group)) {
          group = row.group();
          md.append("| **").append(group).append("** | | | | | | | |\n");
        }
        md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.2f | %s |%n", row.scenario(),
            row.subject().clients(), latency(row.subject()), throughput(row.subject()), latency(row.baseline()),
            throughput(row.baseline()), row.ratio(), target(row)));
      }
      md.append("\nWhat each row compares:\n\n");
      for (Comparison row : grouped()) {
        md.append(String.format(Locale.ROOT, "- %s: %s; baseline: %s.%n", row.scenario(), row.subject().what(),
            row.baseline().what()));
      }
      md.append(processTable());
      md.append(planTable());
    }
    if (memory != null) {
      md.append(String.format(Locale.ROOT, "%nMemory: a %,d MiB file up and down through the App API and Storage, "
              + "both with -Xmx%s: up %.1f s, down %.1f s, SHA-256 equal, neither service out of memory; peak RSS "
              + "meanwhile: %s.%n", memory.sizeMib(), memory.serviceHeap(), memory.uploadSeconds(),
          memory.downloadSeconds(), memory.peaks()));
    }
    if (!jmh.isEmpty()) {
      md.append(String.format(Locale.ROOT, "%nJMH (in-process hot paths%s):%n%n| benchmark | score | error (99.9%%) "
          + "|%n|---|---:|---:|%n", quick ? "; quick: 1 fork, 1 warm-up and 2 measured iterations of 1 s" : ""));
      for (JmhRun.Score score : jmh) {
        md.append(String.format(Locale.ROOT, "| %s | %.3f %s | %s |%n", score.benchmark(), score.score(),
            score.unit(), Double.isNaN(score.error()) ? "-" : String.format(Locale.ROOT, "± %.3f", score.error())));
      }
    }
    if (!targeted().isEmpty()) {
      md.append(String.format(Locale.ROOT, "%nTargets: %d of %d met.%n", targeted().size() - targetsMissed(),
          targeted().size()));
    }
    return md.toString();
  }

  /** Writes {@code name}.json and .md into {@code directory}, and the Markdown between the markers of {@code docs}. */
  void write(Path directory, String name, Path docs) {
    ResultFiles.write(directory, name, this, markdown());
    if (docs != null) {
      replaceBetweenMarkers(docs, markdown());
    }
  }

  /** Replaces what is between the markers of {@code file}; appends the markers when it has none. */
  static void replaceBetweenMarkers(Path file, String content) {
    try {
      String text = Files.exists(file) ? Files.readString(file) : "";
      int begin = text.indexOf(BEGIN);
      int end = text.indexOf(END);
      String block = BEGIN + "\n\n" + content + "\n" + END;
      String updated = begin >= 0 && end > begin
          ? text.substring(0, begin) + block + text.substring(end + END.length())
          : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
      Files.writeString(file, updated);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot update " + file, e);
    }
  }

  /** The rows, each group's together, the groups in the order they first appear. */
  private List<Comparison> grouped() {
    List<String> groups = comparisons.stream().map(Comparison::group).distinct().toList();
    return comparisons.stream().sorted(Comparator.comparingInt(row -> groups.indexOf(row.group()))).toList();
  }

  private String processTable() {
    Set<String> names = new LinkedHashSet<>();
    comparisons.forEach(row -> names.addAll(row.processes().keySet()));
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nCPU seconds and peak RSS (MiB) of each "
        + "process during each scenario, both sides and warm-up included:%n%n| scenario | %s |%n|---|%s%n",
        String.join(" | ", names), "---:|".repeat(names.size())));
    String last = null;
    for (Comparison row : comparisons) {
      // The query's three rows and a file size's two share one measurement: one line for them.
      String cells = names.stream().map(name -> usage(row.processes().get(name))).reduce((a, b) -> a + " | " + b)
          .orElse("");
      if (!cells.equals(last)) {
        md.append("| ").append(row.scenario()).append(" | ").append(cells).append(" |\n");
        last = cells;
      }
    }
    return md.toString();
  }

  private String planTable() {
    if (plans.isEmpty()) {
      return "\nQuery plans: none. The emulator has no query planner (and no `explain`), and ignores secondary "
          + "indexes: each of its queries scans the collection. With `MONGODB_URI` this lists MongoDB's plan for "
          + "the driver's side of the query and read rows.\n";
    }
    StringBuilder md = new StringBuilder("\nQuery plans: MongoDB's `explain` (execution statistics) of the driver's "
        + "side of the query and read rows, the same finds Storage's store runs (page 1's count not included):\n\n"
        + "| query | winning plan | returned | keys examined | documents examined |\n|---|---|---:|---:|---:|\n");
    for (QueryPlan plan : plans) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d |%n", plan.query(), plan.plan(),
          plan.returned(), plan.keysExamined(), plan.docsExamined()));
    }
    return md.toString();
  }

  private static String usage(ProcessStats.Usage usage) {
    return usage == null || usage.cpuSeconds() < 0 ? "-"
        : String.format(Locale.ROOT, "%.1f s, %.0f MiB", usage.cpuSeconds(), usage.peakRssMib());
  }

  private static String latency(Side side) {
    return String.format(Locale.ROOT, side.medianMs() < 10 ? "%.2f / %.2f" : "%.0f / %.0f", side.medianMs(),
        side.p99Ms());
  }

  private static String throughput(Side side) {
    return String.format(Locale.ROOT, "%,.1f %s", side.throughput(), side.unit());
  }

  private static String target(Comparison row) {
    Comparison.Target target = row.target();
    return switch (target.kind()) {
      case THROUGHPUT -> String.format(Locale.ROOT, "≥ %.1f %s", target.bound(), met(row));
      case LATENCY -> String.format(Locale.ROOT, "latency ≤ %.1f %s", target.bound(), met(row));
      case REFERENCE -> "none: a reference";
    };
  }

  private static String met(Comparison row) {
    return row.met() ? "met" : "**missed**";
  }

  private List<Comparison> targeted() {
    return comparisons.stream().filter(row -> row.target().kind() != Comparison.Target.Kind.REFERENCE).toList();
  }
}
