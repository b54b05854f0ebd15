package no.instanceplatform.storage.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.model.Application;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/** The order of writes: the file first, the metadata second; a failure at either step leaves nothing half-written. */
class DataElementFaultsIntegrationTests extends IntegrationTest {

  @MockitoSpyBean
  BlobStore blobs;

  @MockitoSpyBean
  InstanceStore instances;

  @Autowired
  ApplicationStore applications;

  private String instance;
  private String instanceGuid;
  private JsonNode before;

  @BeforeEach
  void anInstance() {
    applications.upsert(StorageHttp.JSON.readValue(
        "{\"id\": \"ttd/faults\", \"org\": \"ttd\", \"dataTypes\": [{\"id\": \"file\"}]}", Application.class));
    JsonNode created = as(USER_1337).post("/storage/api/v1/instances?appId=ttd/faults",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json();
    instance = "/storage/api/v1/instances/" + created.path("id").asString();
    instanceGuid = created.path("id").asString().substring(7);
    before = http.get(instance).json();
  }

  @Test
  void aFailedFileWriteStoresNoMetadataAndAnswersServiceUnavailable() {
    doThrow(StorageException.unavailable("The blob store is unavailable. Try again shortly."))
        .when(blobs).put(anyString(), anyString(), any(InputStream.class), anyLong());

    StorageHttp.Response refused = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain");

    assertProblem(refused, 503, "blob store is unavailable");
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    assertThat(http.get(instance).json()).isEqualTo(before);
    assertThat(eventTypes()).containsExactly("Created");
  }

  @Test
  void aFailedMetadataWriteRemovesTheFile() {
    doThrow(new DataAccessResourceFailureException("database down"))
        .when(instances).replace(anyLong(), any(), anyList());

    StorageHttp.Response refused = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain");

    assertProblem(refused, 503, "metadata store is unavailable");
    assertThat(blobs.deleteByPrefix("ttd", "ttd/faults/" + instanceGuid + "/")).isZero();
    assertThat(http.get(instance).json().path("data")).isEmpty();
  }

  @Test
  void anUnreachableBlobStoreOnDownloadAnswersServiceUnavailable() {
    String id = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain").json().path("id")
        .asString();
    doThrow(StorageException.unavailable("The blob store is unavailable. Try again shortly."))
        .when(blobs).get(anyString(), anyString());

    assertProblem(http.get(instance + "/data/" + id), 503, "blob store is unavailable");
  }

  @Test
  void aBlobStoreFailingBeforeTheFirstByteAnswersAProblemWithoutTheFilesHeaders() {
    String id = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain").json().path("id")
        .asString();
    InputStream failsAtOnce = failingAfter(0,
        StorageException.unavailable("The blob store is unavailable. Try again shortly."));
    doReturn(Optional.of(new BlobStore.BlobContent(failsAtOnce, 1))).when(blobs).get(anyString(), anyString());

    StorageHttp.Response refused = http.get(instance + "/data/" + id);

    assertProblem(refused, 503, "blob store is unavailable");
    assertThat(refused.header("ETag")).isNull();
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aBlobStoreFailingMidDownloadBreaksTheTransferAtOnce(CapturedOutput output) throws Exception {
    String id = as(USER_1337).send("POST", instance + "/data?dataType=file", "x", "text/plain").json().path("id")
        .asString();
    int size = 1024 * 1024;
    InputStream failingHalfWay = failingAfter(size / 2,
        StorageException.conflict("The file was replaced or deleted while it was read. Read it again."));
    doReturn(Optional.of(new BlobStore.BlobContent(failingHalfWay, size))).when(blobs).get(anyString(), anyString());
    HttpRequest download = HttpRequest.newBuilder(URI.create("http://localhost:" + port + instance + "/data/" + id))
        .header("Authorization", "Bearer " + token(APP_OWNER)).build();

    try (HttpClient client = HttpClient.newHttpClient()) {
      CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(download,
          HttpResponse.BodyHandlers.ofByteArray());

      // A client must not take half a file for the whole, nor wait for the rest until a connection timeout.
      assertThatThrownBy(() -> response.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
    }
    assertThat(http.get(instance).status()).isEqualTo(200);
    // One line says what happened; no handler tried to write a problem into the file's body.
    assertThat(output).contains("A file's source failed after 524288 bytes of its answer had been written")
        .doesNotContain("Failure in @ExceptionHandler").doesNotContain("Response already committed")
        .doesNotContain(" ERROR ");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aClientThatGoesAwayMidDownloadIsNoErrorOfStorages(CapturedOutput output) throws Exception {
    byte[] file = new byte[16 * 1024 * 1024];
    String id = as(USER_1337).send("POST", instance + "/data?dataType=file", new String(file,
        StandardCharsets.ISO_8859_1), "application/octet-stream").json().path("id").asString();

    try (Socket socket = new Socket("localhost", port)) {
      socket.getOutputStream().write(("GET " + instance + "/data/" + id + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer " + token(APP_OWNER) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().readNBytes(64 * 1024)).hasSize(64 * 1024);
    }
    // Storage meets the closed connection while it writes the rest, at once.
    Thread.sleep(1000);

    assertThat(http.get(instance).status()).isEqualTo(200);
    assertThat(output).doesNotContain("Unexpected error").doesNotContain(" ERROR ");
  }

  /** A blob's content as a store hands it out: {@code bytes} zeros, then {@code failure} at the next read. */
  private static InputStream failingAfter(int bytes, StorageException failure) {
    return new InputStream() {
      private int sent;

      @Override
      public int read() {
        byte[] one = new byte[1];
        read(one, 0, 1);
        return one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (sent >= bytes) {
          throw failure;
        }
        int n = Math.min(length, bytes - sent);
        sent += n;
        return n;
      }
    };
  }

  private java.util.List<String> eventTypes() {
    return http.get(instance + "/events").json().path("instanceEvents").valueStream()
        .map(e -> e.path("eventType").asString()).toList();
  }
}
