package no.instanceplatform.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;

import no.instanceplatform.storage.blob.azure.AzureServiceClients;
import no.instanceplatform.web.JvmDefaults;
import org.junit.jupiter.api.Test;
import reactor.util.concurrent.Queues;

/**
 * The tests run the HTTP clients as Storage's main sets them up: the build passes the same system properties, and
 * this notices when the two part.
 */
class JvmDefaultsTests {

  @Test
  void theTestsReadAndReadAheadAsStorageDoes() {
    assertThat(System.getProperty("jdk.httpclient.bufsize")).as("the build's jdk.httpclient.bufsize")
        .isEqualTo(Integer.toString(JvmDefaults.SOCKET_BUFFER_BYTES));
    assertThat(Queues.SMALL_BUFFER_SIZE).as("Reactor's small queue size, from the build's reactor.bufferSize.small")
        .isEqualTo(AzureServiceClients.READ_AHEAD_READS);
  }
}
