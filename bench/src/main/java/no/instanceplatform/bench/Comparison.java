package no.instanceplatform.bench;

import java.util.Map;

/**
 * One row of the report: a scenario, its baseline measured in the same run, the ratio the target is about, and what
 * each process used meanwhile.
 *
 * @param group the table the row belongs to (Storage versus the store, App API versus Storage, query depth)
 * @param target what the ratio must reach
 * @param ratio the scenario's throughput over the baseline's ({@link Target.Kind#THROUGHPUT},
 *     {@link Target.Kind#REFERENCE}), or its median latency over the baseline's ({@link Target.Kind#LATENCY})
 * @param processes each process's CPU time and peak RSS during the scenario's rounds, both sides and warm-up
 *     included (the baseline's rounds use the store, not the services)
 */
record Comparison(String group, String scenario, Side subject, Side baseline, Target target, double ratio,
    boolean met, Map<String, ProcessStats.Usage> processes) {

  /** What a ratio must reach. */
  record Target(Kind kind, double bound) {

    enum Kind {
      /** The scenario's throughput at least {@code bound} times the baseline's. */
      THROUGHPUT,
      /** The scenario's median latency at most {@code bound} times the baseline's. */
      LATENCY,
      /**
       * No target: a throughput ratio measured for what it says about the others (how close to its baseline any
       * request of that kind can come on this machine).
       */
      REFERENCE
    }

    static Target throughput(double atLeast) {
      return new Target(Kind.THROUGHPUT, atLeast);
    }

    static Target latency(double atMost) {
      return new Target(Kind.LATENCY, atMost);
    }

    static Target reference() {
      return new Target(Kind.REFERENCE, 0);
    }

    double ratio(Side subject, Side baseline) {
      return Side.round(kind == Kind.LATENCY ? subject.medianMs() / baseline.medianMs()
          : subject.throughput() / baseline.throughput(), 2);
    }

    boolean met(double ratio) {
      return switch (kind) {
        case THROUGHPUT -> ratio >= bound;
        case LATENCY -> ratio <= bound;
        case REFERENCE -> true;
      };
    }

    @Override
    public String toString() {
      return switch (kind) {
        case THROUGHPUT -> "throughput >= " + bound + "x";
        case LATENCY -> "latency <= " + bound + "x";
        case REFERENCE -> "reference, no target";
      };
    }
  }

  static Comparison of(String group, String scenario, Side subject, Side baseline, Target target,
      Map<String, ProcessStats.Usage> processes) {
    double ratio = target.ratio(subject, baseline);
    return new Comparison(group, scenario, subject, baseline, target, ratio, target.met(ratio), processes);
  }
}
