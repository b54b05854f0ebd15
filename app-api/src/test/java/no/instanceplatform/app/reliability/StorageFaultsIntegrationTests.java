package no.instanceplatform.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import no.instanceplatform.app.support.AppApiTestSupport;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Multipart;
import no.instanceplatform.app.support.AppHttp.Response;
import no.instanceplatform.testkit.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connection between the App API and Storage breaks: cut, reset, or slowed beyond the App API's patience. While
 * it is broken, every request is answered at once with a 503 problem and Retry-After, and leaves nothing half-made
 * in Storage; once it heals, the same App API works again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.jmx.enabled=false")
class StorageFaultsIntegrationTests extends AppApiTestSupport {

  private static final FaultProxy TO_STORAGE = FaultProxy.to("127.0.0.1", STORAGE.port());
  /** The App API's read timeout here: short, for a short test, but well above a loaded machine's answer times. */
  private static final Duration PATIENCE = Duration.ofSeconds(3);
  private static final Duration FAST = Duration.ofSeconds(3);
  private static final String INSTANCES = SAILOR + "/instances";
  /** Far more than the sockets and buffers between Storage and a client hold while the client waits. */
  private static final int LARGE = 64 * 1024 * 1024;

  /** The App API reaches Storage only through the proxy (the token keys it still fetches straight). */
  @DynamicPropertySource
  static void throughTheProxy(DynamicPropertyRegistry registry) {
    registry.add("app.storage-url", () -> "http://127.0.0.1:" + TO_STORAGE.port() + "/storage/api/v1");
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", STORAGE::issuerUri);
    registry.add("app.storage-read-timeout", PATIENCE::toString);
    registry.add("app.metadata-cache-ttl", () -> "0s");
  }

  private String instance;

  @BeforeEach
  void anInstanceMadeWhileAllIsWell() {
    TO_STORAGE.heal();
    awaitAppsRegistered();
    Response created = sophie().post(INSTANCES + "?instanceOwnerPartyId=" + SOPHIE_PARTY, null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    instance = INSTANCES + "/" + created.json().get("id").asString();
  }

  @AfterEach
  void heal() {
    TO_STORAGE.heal();
  }

  @Test
  void aCutAnswers503AtOnceChangesNothingAndHeals() {
    long before = instancesInStorage();
    TO_STORAGE.cut();

    assertUnavailableFast(() -> sophie().get(instance));
    assertUnavailableFast(() -> sophie().post(INSTANCES + "?instanceOwnerPartyId=" + SOPHIE_PARTY, null));
    assertUnavailableFast(() -> sophie().put(instance + "/process/next", null));
    assertUnavailableFast(() -> sophie().get(SAILOR + "/api/v1/applicationmetadata"));

    TO_STORAGE.heal();
    assertThat(instancesInStorage()).isEqualTo(before);
    assertThat(sophie().get(instance).status()).isEqualTo(200);
    assertThat(sophie().post(INSTANCES + "?instanceOwnerPartyId=" + SOPHIE_PARTY, null).status()).isEqualTo(201);
  }

  @Test
  void aResetAnswers503AtOnceAndHeals() {
    long before = instancesInStorage();
    TO_STORAGE.reset();

    assertUnavailableFast(() -> sophie().get(instance));
    assertUnavailableFast(() -> sophie().multipart(INSTANCES, new Multipart()
        .part("instance", "application/json", "{\"instanceOwner\":{\"partyId\":\"501337\"}}")));

    TO_STORAGE.heal();
    assertThat(instancesInStorage()).isEqualTo(before);
    assertThat(sophie().get(instance).status()).isEqualTo(200);
  }

  @Test
  void aStorageSlowerThanThePatienceOfTheAppApiAnswers503AndHeals() {
    TO_STORAGE.delay(PATIENCE.multipliedBy(2));

    // A read is tried three times, each given up after the patience.
    Response slow = timed(() -> sophie().get(instance), PATIENCE.multipliedBy(4));
    assertProblem(slow, 503, "Storage is unavailable");

    TO_STORAGE.heal();
    assertThat(sophie().get(instance).status()).isEqualTo(200);
  }

  /**
   * The patience is with Storage, not with the client: a phone on a poor network sends a file more slowly than that,
   * and Storage, which receives it as it comes, answers as soon as it has the last byte.
   */
  @Test
  void anUploadSentMoreSlowlyThanThePatienceIsStoredWhole() throws Exception {
    int chunk = 64 * 1024;
    int chunks = 16;
    Duration sending = PATIENCE.multipliedBy(3).dividedBy(2);

    String status;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(certificateUploadHead("slow.pdf", chunk * chunks));
      for (int i = 0; i < chunks; i++) {
        out.write(new byte[chunk]);
        out.flush();
        Thread.sleep(sending.dividedBy(chunks));
      }
      status = head(socket.getInputStream()).lines().findFirst().orElseThrow();
    }

    assertThat(status).startsWith("HTTP/1.1 201");
    assertThat(element(sophie().get(instance).json(), "certificate").get("size").asLong()).isEqualTo(chunk * chunks);
  }

  /**
   * A Storage that stops taking an upload is given the same patience as one that stops answering: the App API's write
   * to it waits no longer than that, and the caller is answered 503 (a socket's writes have no timeout of their own).
   */
  @Test
  void anUploadThatStorageStopsTakingAnswers503WithinThePatience() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    int chunksBeforeTheFault = 64;

    String status;
    long faulted;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(certificateUploadHead("stuck.pdf", LARGE));
      for (int i = 0; i < chunksBeforeTheFault; i++) {
        out.write(chunk);
      }
      // Time for the App API to read the app and the instance and begin sending the file to Storage.
      Thread.sleep(1000);
      // From here on Storage takes nothing more: the proxy holds each chunk far longer than the patience.
      TO_STORAGE.delay(PATIENCE.multipliedBy(10));
      faulted = System.nanoTime();
      Thread sender = Thread.ofVirtual().start(() -> {
        try {
          for (int i = chunksBeforeTheFault; i < LARGE / chunk.length; i++) {
            out.write(chunk);
          }
        } catch (IOException e) {
          // The App API answered and closed the connection before the rest was sent.
        }
      });
      status = head(socket.getInputStream()).lines().findFirst().orElseThrow();
      socket.close();
      sender.join();
    }

    assertThat(status).startsWith("HTTP/1.1 503");
    assertThat(Duration.ofNanos(System.nanoTime() - faulted)).isLessThan(PATIENCE.multipliedBy(3));
    TO_STORAGE.heal();
    assertThat(sophie().get(instance).json().get("data").findValuesAsString("dataType")).doesNotContain("certificate");
  }

  /**
   * A client that reads more slowly than the patience lasts gets the whole file: the App API reads Storage's answer
   * only as fast as the client takes it, which is no sign of Storage failing.
   */
  @Test
  void aDownloadReadMoreSlowlyThanThePatienceArrivesWhole() throws Exception {
    String path = aLargeCertificate();
    long bytesPerSecond = LARGE / PATIENCE.multipliedBy(2).toSeconds();

    long received;
    long started = System.nanoTime();
    try (Socket socket = downloading(path)) {
      socket.setSoTimeout(20_000);
      InputStream in = socket.getInputStream();
      long length = contentLength(head(in));
      received = 0;
      byte[] buffer = new byte[64 * 1024];
      for (int n; received < length && (n = in.read(buffer)) >= 0; received += n) {
        long wait = received * 1000 / bytesPerSecond - Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
      }
    }

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(PATIENCE);
    assertThat(received).isEqualTo(LARGE);
  }

  /**
   * Storage's side of a download breaks once the App API's answer has begun: the App API ends its own connection at
   * once, so that the client sees a broken transfer rather than a short file, and logs it in one line.
   */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aDownloadWhoseStorageSideBreaksOffEndsTheClientsConnectionAtOnce(CapturedOutput output) throws Exception {
    String path = aLargeCertificate();

    long received;
    long started;
    try (Socket socket = downloading(path)) {
      socket.setSoTimeout(20_000);
      InputStream in = socket.getInputStream();
      received = in.readNBytes(64 * 1024).length;
      TO_STORAGE.cut();
      started = System.nanoTime();
      received += drain(in);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the connection ended").isLessThan(FAST);
    assertThat(received).as("a broken transfer, not the whole file").isLessThan(LARGE);
    assertThat(output).contains("A file's source failed after").doesNotContain(" ERROR ");
  }

  /** A client that goes away in the middle of a download is no failure of Storage's, nor an error of the App API's. */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aClientThatGoesAwayMidDownloadIsNotTakenForStorageFailing(CapturedOutput output) throws Exception {
    String path = aLargeCertificate();

    try (Socket socket = downloading(path)) {
      assertThat(socket.getInputStream().readNBytes(64 * 1024)).hasSize(64 * 1024);
    }
    // The App API meets the closed connection when it writes next, at once.
    Thread.sleep(1000);

    assertThat(sophie().get(instance).status()).isEqualTo(200);
    assertThat(output).doesNotContain("Storage is unavailable").doesNotContain("A file's source failed")
        .doesNotContain(" ERROR ");
  }

  /**
   * A client that stops short of its Content-Length in the middle of an upload is no failure of Storage's: a 400 (which
   * the client will hardly read), nothing stored, and nothing in the log's warnings or errors, in either service.
   */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aClientThatStopsShortOfItsUploadIsNotTakenForStorageFailing(CapturedOutput output) throws Exception {
    String status;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(certificateUploadHead("short.pdf", 4L * 1024 * 1024));
      out.write(new byte[1024 * 1024]);
      out.flush();
      socket.shutdownOutput();
      status = head(socket.getInputStream()).lines().findFirst().orElseThrow();
    }
    // Storage meets the App API's abandoned request when it reads next, at once.
    Thread.sleep(1000);

    assertThat(status).startsWith("HTTP/1.1 400");
    assertThat(sophie().get(instance).json().path("data").valueStream()
        .filter(element -> element.path("dataType").asString().equals("certificate"))).isEmpty();
    assertThat(output).doesNotContain("Storage is unavailable").doesNotContain(" WARN ").doesNotContain(" ERROR ");
  }

  /** A certificate of {@value #LARGE} bytes on the instance, by its path in the App API. */
  private String aLargeCertificate() {
    Response uploaded = sophie().upload("POST", instance + "/data?dataType=certificate", "application/pdf",
        "big.pdf", new byte[LARGE]);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    return AppHttp.pathOf(uploaded.json().at("/selfLinks/apps").asString());
  }

  /** A connection to the App API that has asked for the file at {@code path}, as Sophie, and reads it at will. */
  private Socket downloading(String path) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + userToken(SOPHIE, 2) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** The head of Sophie's upload of a certificate of {@code length} bytes, its body to follow on the connection. */
  private byte[] certificateUploadHead(String fileName, long length) {
    return ("POST " + instance + "/data?dataType=certificate HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + userToken(SOPHIE, 2) + "\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="
        + fileName + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** An HTTP answer's status line and headers, read up to the blank line after them. */
  private static String head(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("The connection ended within the head: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  private static long contentLength(String head) {
    return head.lines().filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
        .mapToLong(line -> Long.parseLong(line.substring(15).trim())).findFirst().orElseThrow();
  }

  /** Reads until the connection ends, however it ends; answers the bytes read. */
  private static long drain(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
      }
    } catch (IOException e) {
      // A reset ends it as well as a close.
    }
    return total;
  }

  private void assertUnavailableFast(Supplier<Response> request) {
    Response response = timed(request, FAST);
    assertProblem(response, 503, "Storage is unavailable");
    assertThat(response.header("Retry-After")).hasValue("5");
  }

  private static Response timed(Supplier<Response> request, Duration limit) {
    long started = System.nanoTime();
    Response response = request.get();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within " + limit).isLessThan(limit);
    return response;
  }

  /** Sophie's instances of the sample app in Storage that are not hard-deleted, asked of Storage directly. */
  private long instancesInStorage() {
    AppHttp storage = storageAsAppOwner("test");
    return storage.get("/storage/api/v1/instances?appId=test/sailor&instanceOwner.partyId=501337"
        + "&status.isHardDeleted=false&size=1").json().get("totalHits").asLong();
  }
}
