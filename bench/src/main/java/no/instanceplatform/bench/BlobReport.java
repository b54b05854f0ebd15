package no.instanceplatform.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a blob benchmark run measured, where, and on what: written as JSON (bench/results/blobs-latest.json) and as
 * the Markdown table that docs/PERFORMANCE.md quotes.
 *
 * @param storage how Storage ran: its jar, heap and metadata store
 * @param warmUpRequests untimed round trips of a small file per store, through Storage and directly, before any
 *     measuring
 * @param stores each blob store and its baseline
 * @param minRatio the target: Storage's throughput at least this share of the baseline's
 * @param paced uploads from a paced client ({@code --paced}), or none
 */
record BlobReport(
    String benchmark,
    String date,
    String storage,
    int warmUpRequests,
    List<StoreRun> stores,
    BenchmarkReport.Machine machine,
    double minRatio,
    boolean targetMet,
    double runSeconds,
    List<BlobResult> results,
    List<PacedUploads.Result> paced) {

  /**
   * One store of the run.
   *
   * @param startSeconds how long Storage took to start (until its health endpoint answered)
   * @param quieting the round trips made until Storage's compilers were quiet, or null when not waited for
   */
  record StoreRun(String store, String description, String baseline, double startSeconds,
      JitWatch.Quieting quieting) {}

  String markdown() {
    StringBuilder table = new StringBuilder()
        .append(String.format(Locale.ROOT, "Blob upload and download, %s: Storage (%s) over HTTP/1.1 on loopback "
                + "versus the same bytes written and read directly; %s, %d CPUs (load average %.1f at the start, "
                + "%.1f at the end). Medians of the rounds after %d warm-up round trips of a 64 KiB file per store and "
                + "%d warm-up round(s) per size; MB/s is 10^6 bytes a second.%n%n", date, storage, machine.jvm(),
            machine.cpus(), machine.loadAverageAtStart(), machine.loadAverageAtEnd(), warmUpRequests,
            results.isEmpty() ? 0 : results.getFirst().warmUpRounds()))
        .append("| store | size | rounds | upload: Storage | upload: direct | upload ratio "
            + "| download: Storage | download: direct | download ratio |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (BlobResult result : results) {
      table.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.2f | %s | %s | %.2f |%n",
          result.store(), size(result.sizeBytes()), result.rounds(),
          cell(result.storageUploadMBps(), result.storageUploadMedianMs()),
          cell(result.baselineUploadMBps(), result.baselineUploadMedianMs()), result.uploadRatio(),
          cell(result.storageDownloadMBps(), result.storageDownloadMedianMs()),
          cell(result.baselineDownloadMBps(), result.baselineDownloadMedianMs()), result.downloadRatio()));
    }
    table.append('\n').append(cpuTable()).append(pacedTable());
    for (StoreRun store : stores) {
      table.append(String.format(Locale.ROOT, "- **%s**: %s; direct: %s. %s%n", store.store(), store.description(),
          store.baseline(), quieting(store.quieting())));
    }
    table.append(String.format(Locale.ROOT, "%nTarget: Storage at least %.1f times the direct throughput: %s. Every "
        + "download was compared byte for byte with its upload.%n", minRatio, targetMet ? "met" : "NOT met"));
    return table.toString();
  }

  /**
   * Each process's CPU time per operation: what an operation costs the machine, steadier than its wall time from one
   * run to the next. Empty when nothing was measured.
   */
  private String cpuTable() {
    List<String> processes = results.stream().flatMap(result -> result.cpuMsPerOperation().values().stream())
        .flatMap(perProcess -> perProcess.keySet().stream()).distinct().toList();
    if (processes.isEmpty()) {
      return "";
    }
    StringBuilder table = new StringBuilder("CPU time per operation, milliseconds (the mean over the measured "
        + "rounds, from /proc; \"all\" is their sum, which two CPUs share):\n\n| store | size | operation | ")
        .append(String.join(" | ", processes)).append(" | all |\n|---|---:|---|")
        .append("---:|".repeat(processes.size() + 1)).append('\n');
    for (BlobResult result : results) {
      result.cpuMsPerOperation().forEach((operation, perProcess) -> {
        table.append(String.format(Locale.ROOT, "| %s | %s | %s |", result.store(), size(result.sizeBytes()),
            operation));
        for (String process : processes) {
          table.append(perProcess.containsKey(process) ? String.format(Locale.ROOT, " %.1f |",
              perProcess.get(process)) : " - |");
        }
        table.append(String.format(Locale.ROOT, " %.1f |%n",
            perProcess.values().stream().mapToDouble(Double::doubleValue).sum()));
      });
    }
    return table.append('\n').toString();
  }

  /** The paced uploads, when there were any. */
  private String pacedTable() {
    if (paced.isEmpty()) {
      return "";
    }
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "Uploads through Storage from a client that "
        + "pauses %d ms after every %d KiB, the length declared up front (medians; no baseline: what Storage adds is "
        + "the time past the client's pauses):%n%n| store | size | rounds | upload | the client's pauses | past them "
        + "|%n|---|---:|---:|---:|---:|---:|%n", paced.getFirst().pauseMs(), PacedUploads.CHUNK / 1024));
    for (PacedUploads.Result result : paced) {
      table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f ms | %.0f ms | %.1f ms |%n", result.store(),
          size(result.sizeBytes()), result.rounds(), result.medianMs(), result.pausesMs(), result.pastPausesMs()));
    }
    return table.append('\n').toString();
  }

  /** Writes {@code name}.json and {@code name}.md into {@code directory}. */
  void write(Path directory, String name) {
    ResultFiles.write(directory, name, this, markdown());
  }

  private static String quieting(JitWatch.Quieting quieting) {
    if (quieting == null) {
      return "Measured without waiting for Storage's JIT compilers.";
    }
    return String.format(Locale.ROOT, "Then %d more round trips through Storage, %s (they worked %.1f%% of the last "
        + "batch's time).", quieting.requests(), quieting.howItEnded(), quieting.lastBatchPercent());
  }

  private static String cell(double mbps, double millis) {
    return String.format(Locale.ROOT, millis < 100 ? "%.0f MB/s (%.1f ms)" : "%.0f MB/s (%.0f ms)", mbps, millis);
  }

  private static String size(long bytes) {
    return String.format(Locale.ROOT, "%d MiB", bytes / (1024 * 1024));
  }
}
