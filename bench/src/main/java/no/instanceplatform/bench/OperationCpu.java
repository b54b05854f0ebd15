package no.instanceplatform.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time each watched process spent on each kind of operation (an upload through Storage, a direct download,
 * ...), summed over the operations and reported as a mean per operation.
 *
 * <p>Wall times on a shared two-CPU machine move by a fifth from one run to the next, with the machine's other load;
 * the CPU an operation costs each process moves far less, and it shows what bounds a ratio: with the client, Storage
 * and the store on the same two CPUs, an operation through Storage cannot take less wall time than its CPU time over
 * two. Readings of {@code /proc} have a resolution of 10 ms, hence the sums: over 30 operations of 1 MiB the mean is
 * good to a third of a millisecond. The readings are taken outside the timed part of each operation.
 */
final class OperationCpu {

  /** Measures nothing: for warm-ups. */
  static final OperationCpu NONE = new OperationCpu(null);

  /** Null for {@link #NONE}. */
  private final ProcessStats stats;
  private final Map<String, Map<String, Long>> ticks = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private Map<String, Long> before = Map.of();

  OperationCpu(ProcessStats stats) {
    this.stats = stats;
  }

  /** Notes each process's CPU time before an operation. */
  void begin() {
    if (stats == null) {
      return;
    }
    before = stats.cpuTicks();
  }

  /** Adds each process's CPU time since {@link #begin} to {@code operation}'s. */
  void end(String operation) {
    if (stats == null) {
      return;
    }
    Map<String, Long> sums = ticks.computeIfAbsent(operation, key -> new LinkedHashMap<>());
    stats.cpuTicks().forEach((process, now) -> sums.merge(process, now - before.getOrDefault(process, now),
        Long::sum));
    counts.merge(operation, 1, Integer::sum);
  }

  /** Per operation, by name: each process's mean CPU milliseconds per operation, in the order watched. */
  Map<String, Map<String, Double>> meanMillis() {
    Map<String, Map<String, Double>> means = new TreeMap<>();
    ticks.forEach((operation, sums) -> {
      Map<String, Double> perProcess = new LinkedHashMap<>();
      int count = counts.get(operation);
      sums.forEach((process, sum) -> perProcess.put(process,
          Math.round(sum * 1000.0 / ProcessStats.TICKS_PER_SECOND / count * 10) / 10.0));
      means.put(operation, perProcess);
    });
    return means;
  }
}
