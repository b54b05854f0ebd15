package no.instanceplatform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a benchmark's results as {@code name.json} (the report) and {@code name.md} (its table). */
final class ResultFiles {

  private ResultFiles() {}

  static void write(Path directory, String name, Object report, String markdown) {
    try {
      Files.createDirectories(directory);
      JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
      Files.writeString(directory.resolve(name + ".json"), json.writeValueAsString(report) + "\n");
      Files.writeString(directory.resolve(name + ".md"), markdown);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the results to " + directory, e);
    }
  }
}
