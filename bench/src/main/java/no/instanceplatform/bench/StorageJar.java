package no.instanceplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds Storage's runnable jar: the one named by a system property, or the newest one the build made. */
final class StorageJar {

  static final String PROPERTY = "bench.storage.jar";

  private static final Path FOLDER = Path.of("storage-api", "target");

  private StorageJar() {}

  /** The jar of {@link #PROPERTY}, or the newest {@code storage-api/target/storage-api-*-exec.jar} found. */
  static Path find() {
    String named = System.getProperty(PROPERTY, "");
    if (!named.isBlank()) {
      Path jar = Path.of(named).toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(PROPERTY + "=" + named + " is not a file");
      }
      return jar;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Optional<Path> jar = execJarIn(dir.resolve(FOLDER));
      if (jar.isPresent()) {
        return jar.get();
      }
    }
    throw new IllegalStateException("No storage-api/target/storage-api-*-exec.jar under " + Path.of("")
        .toAbsolutePath() + " or its parents; build it (mvn -pl storage-api -am package) or set -D" + PROPERTY);
  }

  private static Optional<Path> execJarIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> {
        String name = file.getFileName().toString();
        return name.startsWith("storage-api-") && name.endsWith("-exec.jar");
      }).max(Comparator.comparing(StorageJar::modified));
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
