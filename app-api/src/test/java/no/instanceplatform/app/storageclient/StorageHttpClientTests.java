package no.instanceplatform.app.storageclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The App API's client to Storage, through Spring's RestClient as the App API uses it, against a scripted server. */
class StorageHttpClientTests {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final int LARGE = 64 * 1024 * 1024;

  private final CountDownLatch released = new CountDownLatch(1);
  /** The client's port of each exchange the server saw: one port, one connection. */
  private final List<Integer> connections = new CopyOnWriteArrayList<>();
  /** How the server's writing of a large body ended: the bytes it wrote, or -1 when the client took them all. */
  private final CompletableFuture<Long> largeBodyWritten = new CompletableFuture<>();
  private HttpServer server;
  private CloseableHttpClient client;
  private RestClient rest;

  @BeforeEach
  void aServerThatAnswersOrStalls() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/whole", exchange -> answer(exchange, "whole"));
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
    server.createContext("/slow-but-steady", exchange -> {
      connections.add(exchange.getRemoteAddress().getPort());
      exchange.sendResponseHeaders(200, 10);
      try (OutputStream body = exchange.getResponseBody()) {
        for (int i = 0; i < 10; i++) {
          body.write('x');
          body.flush();
          sleep(TIMEOUT.dividedBy(4));
        }
      }
    });
    server.createContext("/large", this::largeBody);
    server.createContext("/not-reading", exchange -> {
      stall();
      exchange.close();
    });
    server.createContext("/counting", exchange -> answer(exchange,
        Integer.toString(exchange.getRequestBody().readAllBytes().length)));
    server.start();
    client = StorageHttpClient.create(Duration.ofSeconds(2), TIMEOUT, 4);
    rest = RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory(client)).build();
  }

  @AfterEach
  void stop() throws IOException {
    released.countDown();
    client.close();
    server.stop(0);
  }

  @Test
  void anAnswerWithinTheTimeoutIsReadWhole() {
    assertThat(rest.get().uri(url("/whole")).retrieve().body(String.class)).isEqualTo("whole");
  }

  @Test
  void headersThatDoNotComeInTimeAreATimeout() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> rest.get().uri(url("/no-headers")).retrieve().body(String.class))
        .hasRootCauseInstanceOf(SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
  }

  @Test
  void aBodyThatStopsBeforeItsEndIsATimeoutNotAShortAnswer() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> rest.get().uri(url("/half-a-body"))
        .exchange((request, response) -> response.getBody().readAllBytes(), true))
        .hasRootCauseInstanceOf(SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
  }

  /** The timeout is for silence, not for the whole answer: a file passes as fast as the App API's caller takes it. */
  @Test
  void aBodyThatKeepsComingIsReadWholeHoweverLongItTakes() {
    long started = System.nanoTime();

    String body = rest.get().uri(url("/slow-but-steady")).retrieve().body(String.class);

    assertThat(body).isEqualTo("xxxxxxxxxx");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(TIMEOUT.multipliedBy(2));
  }

  @Test
  void anAnswerReadToItsEndLeavesItsConnectionForTheNextCall() {
    rest.get().uri(url("/slow-but-steady")).retrieve().body(String.class);
    rest.get().uri(url("/slow-but-steady")).exchange((request, response) -> response.getBody().readNBytes(3), true);
    rest.get().uri(url("/slow-but-steady")).retrieve().body(String.class);

    assertThat(connections).hasSize(3).containsOnly(connections.getFirst());
  }

  /**
   * A download whose caller went away is closed early: its connection goes at once, rather than the rest of the file
   * being read from Storage first.
   */
  @Test
  void aBodyClosedFarFromItsEndEndsItsConnectionWithoutReadingOn() throws Exception {
    byte[] start = rest.get().uri(url("/large"))
        .exchange((request, response) -> response.getBody().readNBytes(1024), true);

    assertThat(start).hasSize(1024);
    assertThat(largeBodyWritten.get(5, TimeUnit.SECONDS)).as("bytes written before the connection ended")
        .isNotNegative().isLessThan(LARGE / 2);
  }

  /** A socket's writes have no timeout of their own: a Storage that stops reading would hold the call for minutes. */
  @Test
  void aBodyTheServerStopsTakingIsATimeout() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> rest.post().uri(url("/not-reading")).body(out -> {
      byte[] chunk = new byte[64 * 1024];
      for (int written = 0; written < LARGE; written += chunk.length) {
        out.write(chunk);
      }
    }).retrieve().body(String.class)).hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
  }

  /** Only a write that waits on the server counts: a body whose own source is slow goes whole, however long it takes. */
  @Test
  void aBodySentSlowlyButSteadilyIsSentWholeHoweverLongItTakes() {
    long started = System.nanoTime();

    String received = rest.post().uri(url("/counting")).body(out -> {
      for (int i = 0; i < 10; i++) {
        out.write('x');
        out.flush();
        sleep(TIMEOUT.dividedBy(2));
      }
    }).retrieve().body(String.class);

    assertThat(received).isEqualTo("10");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(TIMEOUT.multipliedBy(4));
  }

  private void largeBody(HttpExchange exchange) throws IOException {
    long written = 0;
    try {
      exchange.sendResponseHeaders(200, LARGE);
      OutputStream body = exchange.getResponseBody();
      byte[] chunk = new byte[64 * 1024];
      for (; written < LARGE; written += chunk.length) {
        body.write(chunk);
      }
      body.close();
      largeBodyWritten.complete(-1L);
    } catch (IOException e) {
      largeBodyWritten.complete(written);
    } finally {
      exchange.close();
    }
  }

  private static void answer(HttpExchange exchange, String text) throws IOException {
    exchange.sendResponseHeaders(200, text.length());
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(text.getBytes());
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void stall() {
    try {
      released.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
