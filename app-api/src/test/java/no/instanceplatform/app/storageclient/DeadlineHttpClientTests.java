package no.instanceplatform.app.storageclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadlineHttpClientTests {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final CountDownLatch released = new CountDownLatch(1);
  private HttpServer server;
  private HttpClient client;

  @BeforeEach
  void aServerThatAnswersOrStalls() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/whole", exchange -> {
      exchange.sendResponseHeaders(200, 5);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write("whole".getBytes());
      }
    });
    server.createContext("/no-headers", exchange -> {
      stall();
      exchange.close();
    });
    server.createContext("/half-a-body", exchange -> {
      exchange.sendResponseHeaders(200, 10);
      OutputStream body = exchange.getResponseBody();
      body.write("half-".getBytes());
      body.flush();
      stall();
      exchange.close();
    });
    server.start();
    client = new DeadlineHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), TIMEOUT);
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
  }

  @Test
  void anAnswerWithinTheTimeoutIsReadWhole() throws Exception {
    HttpResponse<InputStream> response = client.send(get("/whole"), HttpResponse.BodyHandlers.ofInputStream());

    try (InputStream body = response.body()) {
      assertThat(new String(body.readAllBytes())).isEqualTo("whole");
    }
  }

  @Test
  void headersThatDoNotComeInTimeAreATimeout() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> client.send(get("/no-headers"), HttpResponse.BodyHandlers.ofInputStream()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
  }

  @Test
  void aBodyThatStopsBeforeItsEndIsATimeoutNotAShortAnswer() throws Exception {
    HttpResponse<InputStream> response = client.send(get("/half-a-body"), HttpResponse.BodyHandlers.ofInputStream());
    long started = System.nanoTime();

    try (InputStream body = response.body()) {
      assertThatThrownBy(body::readAllBytes).isInstanceOf(HttpTimeoutException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
  }

  private void stall() {
    try {
      released.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
