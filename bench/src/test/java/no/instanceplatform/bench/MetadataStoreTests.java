package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;

/** Which store a report says its figures came from. */
class MetadataStoreTests {

  @Test
  void anEmulatorAtMongodbUriIsNamedAnEmulatorAndNotExplained() {
    try (MetadataStore own = MetadataStore.start(null, "64m")) {
      String emulatorUri = "mongodb://" + String.join(",", new ConnectionString(own.uri()).getHosts());

      try (MetadataStore atUri = MetadataStore.start(emulatorUri, "64m")) {
        assertThat(atUri.description()).startsWith("an emulator, not MongoDB")
            .contains("version 5.0.0").contains(" at 127.0.0.1:").doesNotStartWith("MongoDB");
        assertThat(atUri.isEmulator()).as("no planner to explain").isTrue();
        assertThat(atUri.emulator()).as("not the benchmark's own process").isEmpty();
      }
      assertThat(own.isEmulator()).isTrue();
      assertThat(own.description()).isEqualTo(MetadataStore.EMULATOR);
    }
  }
}
