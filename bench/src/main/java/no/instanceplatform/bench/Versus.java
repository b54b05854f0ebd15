package no.instanceplatform.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures a scenario against its baseline in the same run: warm-up rounds, then measured rounds, each round running
 * both with the same clients and requests; which of the two goes first alternates by round, so that neither always
 * meets a machine the other has just warmed or loaded.
 *
 * @param clients clients at once (each a virtual thread)
 * @param requests requests per round and side
 */
record Versus(int clients, int requests, int warmUpRounds, int rounds, ProcessStats stats, PrintStream log) {

  /** A side: what it does in words, and its request. */
  record Contender(String what, LoadGenerator.Operation operation) {}

  Comparison run(String group, String scenario, Comparison.Target target, Contender subject, Contender baseline) {
    ProcessStats.Start start = stats.start();
    List<LoadGenerator.Round> subjectRounds = new ArrayList<>();
    List<LoadGenerator.Round> baselineRounds = new ArrayList<>();
    for (int round = 0; round < warmUpRounds + rounds; round++) {
      boolean subjectFirst = round % 2 == 0;
      LoadGenerator.Round first = LoadGenerator.run(clients, requests,
          (subjectFirst ? subject : baseline).operation());
      LoadGenerator.Round second = LoadGenerator.run(clients, requests,
          (subjectFirst ? baseline : subject).operation());
      if (round >= warmUpRounds) {
        subjectRounds.add(subjectFirst ? first : second);
        baselineRounds.add(subjectFirst ? second : first);
      }
    }
    Comparison result = Comparison.of(group, scenario, Side.of(subject.what(), clients, subjectRounds),
        Side.of(baseline.what(), clients, baselineRounds), target, stats.since(start));
    log.printf(Locale.ROOT, "  %s: %.1f vs %.1f req/s, median %.2f vs %.2f ms: ratio %.2f (%s: %s)%n", scenario,
        result.subject().throughput(), result.baseline().throughput(), result.subject().medianMs(),
        result.baseline().medianMs(), result.ratio(), target, result.met() ? "met" : "MISSED");
    return result;
  }
}
