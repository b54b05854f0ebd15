package no.instanceplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a service's runnable jar: the one named by a system property, or the newest one the build made. */
enum ServiceJar {
  STORAGE("storage-api", "bench.storage.jar"),
  APP_API("app-api", "bench.app-api.jar");

  private final String module;
  private final String property;

  ServiceJar(String module, String property) {
    this.module = module;
    this.property = property;
  }

  String property() {
    return property;
  }

  /** The jar of {@link #property()}, or the newest {@code {module}/target/{module}-*-exec.jar} found. */
  Path find() {
    return findIfBuilt().orElseThrow(() -> new IllegalStateException("No " + module + "/target/" + module
        + "-*-exec.jar under " + Path.of("").toAbsolutePath() + " or its parents; build it (mvn -pl " + module
        + " -am package) or set -D" + property));
  }

  /** Like {@link #find()}, empty when the jar has not been built. */
  Optional<Path> findIfBuilt() {
    String named = System.getProperty(property, "");
    if (!named.isBlank()) {
      Path jar = Path.of(named).toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(property + "=" + named + " is not a file");
      }
      return Optional.of(jar);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Optional<Path> jar = execJarIn(dir.resolve(module).resolve("target"));
      if (jar.isPresent()) {
        return jar;
      }
    }
    return Optional.empty();
  }

  private Optional<Path> execJarIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> {
        String name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith("-exec.jar");
      }).max(Comparator.comparing(ServiceJar::modified));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
