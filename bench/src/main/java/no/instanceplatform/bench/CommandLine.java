package no.instanceplatform.bench;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the benchmarks' main methods share in reading their command line. */
final class CommandLine {

  private CommandLine() {}

  /**
   * The options {@code parser} reads from {@code args}; empty after printing {@code usage} for {@code --help}. A bad
   * command line (the parser's {@link IllegalArgumentException}) prints the error and the usage and exits with 64.
   */
  static <O> Optional<O> parse(String[] args, String usage, Function<String[], O> parser) {
    if (List.of(args).contains("--help")) {
      System.out.println(usage);
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(args));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(usage);
      System.exit(64);
      return Optional.empty();
    }
  }

  /** What {@code run} answers; a failure (a wrong answer, a service that would not start) is printed, exit 1. */
  static <R> R runOrExit(Supplier<R> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
      return null;
    }
  }

  /** The benchmark's own logging configuration (libraries say only what went wrong), unless one is given. */
  static void useBenchLogging() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "bench-logback.xml");
    }
  }
}
