package no.instanceplatform.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-process hot paths (the JMH benchmarks of {@code no.instanceplatform.bench.jmh} and of Storage's packages in
 * this module) run by JMH's own launcher in a JVM of its own, which forks one per benchmark. JMH cannot fork into the
 * bench jar's nested jars, so it runs on the build's plain class path: {@code bench/target/classes} and the
 * dependencies the build lists in {@code bench/target/jmh-classpath.txt}. It runs while no service does.
 */
final class JmhRun {

  /**
   * One benchmark's score.
   *
   * @param error the 99.9% confidence half-width JMH gives (NaN with a single fork and iteration)
   */
  record Score(String benchmark, String mode, double score, double error, String unit) {}

  private JmhRun() {}

  /** The build's class path for JMH, when {@code bench/target} has it. */
  static Optional<String> classPath() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path target = dir.resolve("bench").resolve("target");
      Path list = target.resolve("jmh-classpath.txt");
      if (Files.isRegularFile(list) && Files.isDirectory(target.resolve("classes"))) {
        try {
          return Optional.of(target.resolve("classes") + File.pathSeparator + Files.readString(list).trim());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.empty();
  }

  /** Runs every benchmark; quick: one fork, one warm-up and two measured iterations of a second. */
  static List<Score> run(boolean quick, Path resultFile, PrintStream log) {
    String classPath = classPath().orElseThrow(() -> new IllegalStateException("No bench/target/jmh-classpath.txt: "
        + "build with mvn -pl bench -am package (bench/run does)"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, "org.openjdk.jmh.Main", "-rf", "json", "-rff", resultFile.toString(),
        "-jvmArgs", "-Xmx512m -Dlogback.configurationFile=bench-logback.xml"));
    command.addAll(quick ? List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s")
        : List.of("-f", "2", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s"));
    log.println("JMH: " + String.join(" ", command.subList(3, command.size())));
    try {
      Files.createDirectories(resultFile.getParent());
      Process jmh = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (var output = jmh.getInputStream()) {
        output.transferTo(log);
      }
      if (!jmh.waitFor(30, TimeUnit.MINUTES) || jmh.exitValue() != 0) {
        throw new IllegalStateException("JMH failed (exit " + (jmh.isAlive() ? "none" : jmh.exitValue()) + ")");
      }
      return scores(Files.readString(resultFile));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run JMH", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  static List<Score> scores(String json) {
    List<Score> scores = new ArrayList<>();
    for (JsonNode result : JsonMapper.builder().build().readTree(json)) {
      JsonNode metric = result.path("primaryMetric");
      String name = result.path("benchmark").asString();
      scores.add(new Score(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
          result.path("mode").asString(), Side.round(metric.path("score").asDouble(), 3),
          // JMH writes "NaN" (a string) when too few iterations give no error.
          metric.path("scoreError").isNumber() ? Side.round(metric.path("scoreError").asDouble(), 3) : Double.NaN,
          metric.path("scoreUnit").asString()));
    }
    return scores;
  }
}
