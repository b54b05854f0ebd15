package no.instanceplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time and peak resident memory of the processes of a run (each service, the emulator, Azurite, the benchmark's
 * own client), read from Linux's {@code /proc}: user plus system time from {@code /proc/{pid}/stat}, the resident
 * high-water mark {@code VmHWM} from {@code /proc/{pid}/status}. A scenario starts by resetting each high-water mark
 * ({@code 5} into {@code /proc/{pid}/clear_refs}), so that the peak it reports is its own, not the start-up's. A
 * process that is a launcher script (Azurite's) counts with its children. Elsewhere than on Linux the figures are
 * absent (-1), never made up.
 */
final class ProcessStats {

  /** What one process (with its children) used during a scenario: CPU seconds, and its peak RSS in MiB. */
  record Usage(double cpuSeconds, double peakRssMib) {}

  /** The CPU time of each process when a scenario started. */
  record Start(Map<String, Long> ticks) {}

  static final long TICKS_PER_SECOND = 100;

  private final Map<String, Supplier<List<ProcessHandle>>> processes = new LinkedHashMap<>();

  /** Watches {@code name}: the processes {@code handles} answers at each reading (a process and its children). */
  ProcessStats watch(String name, Supplier<List<ProcessHandle>> handles) {
    processes.put(name, handles);
    return this;
  }

  ProcessStats watch(String name, long pid) {
    return watch(name, () -> ProcessHandle.of(pid).stream().toList());
  }

  /** Resets every peak RSS and notes the CPU time so far. */
  Start start() {
    processes.values().forEach(handles -> handles.get().forEach(handle -> resetPeak(handle.pid())));
    return new Start(cpuTicks());
  }

  /** Each process's CPU time so far (with its children's), in clock ticks of 1/100 s. */
  Map<String, Long> cpuTicks() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    processes.forEach((name, handles) -> ticks.put(name,
        handles.get().stream().mapToLong(handle -> Math.max(0, ticks(handle.pid()))).sum()));
    return ticks;
  }

  /** Each process's CPU time since {@code start}, and its peak RSS since then. */
  Map<String, Usage> since(Start start) {
    Map<String, Usage> usage = new LinkedHashMap<>();
    processes.forEach((name, handles) -> {
      long ticks = 0;
      long peakKib = 0;
      boolean readable = false;
      for (ProcessHandle handle : handles.get()) {
        long t = ticks(handle.pid());
        long hwm = peakKib(handle.pid());
        readable |= t >= 0 && hwm >= 0;
        ticks += Math.max(0, t);
        peakKib += Math.max(0, hwm);
      }
      usage.put(name, readable ? new Usage(round((ticks - start.ticks().getOrDefault(name, 0L))
          / (double) TICKS_PER_SECOND), round(peakKib / 1024.0)) : new Usage(-1, -1));
    });
    return usage;
  }

  /** utime + stime (fields 14 and 15) in clock ticks, which are 1/100 s on Linux whatever the kernel's HZ. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long peakKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static void resetPeak(long pid) {
    try {
      Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not ours to reset: the peak is then the process's since its start, which the report says.
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
