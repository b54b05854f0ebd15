package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationCpuTests {

  @Test
  void spinningCountsTowardsTheOperationItRanInAndAveragesOverItsRuns() {
    OperationCpu cpu = new OperationCpu(new ProcessStats().watch("client", ProcessHandle.current().pid())
        .watch("gone", List::of));
    for (int i = 0; i < 2; i++) {
      cpu.begin();
      spin(150);
      cpu.end("spin");
      cpu.begin();
      cpu.end("idle");
    }

    assertThat(cpu.meanMillis()).containsOnlyKeys("idle", "spin");
    // /proc counts in steps of 10 ms; the JVM's own threads (JIT, GC) may add some.
    assertThat(cpu.meanMillis().get("spin").get("client")).isBetween(140.0, 400.0);
    assertThat(cpu.meanMillis().get("spin").get("gone")).isZero();
    assertThat(cpu.meanMillis().get("idle").get("client")).isLessThan(20.0);
    OperationCpu.NONE.begin();
    OperationCpu.NONE.end("spin");
    assertThat(OperationCpu.NONE.meanMillis()).isEmpty();
  }

  /** Keeps this thread busy for {@code millis} of its own CPU time, however busy the machine. */
  private static void spin(long millis) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assertThat(threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled())
        .as("the JVM measures a thread's CPU time").isTrue();
    long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
    while (threads.getCurrentThreadCpuTime() < end) {
      Thread.onSpinWait();
    }
  }
}
