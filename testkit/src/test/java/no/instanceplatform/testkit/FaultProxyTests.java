package no.instanceplatform.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultProxyTests {

  private ServerSocket echo;
  private FaultProxy proxy;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @BeforeEach
  void anEchoServerBehindTheProxy() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(() -> {
      while (!echo.isClosed()) {
        Socket socket = echo.accept();
        threads.submit(() -> {
          try (socket) {
            socket.getInputStream().transferTo(socket.getOutputStream());
          }
          return null;
        });
      }
      return null;
    });
    proxy = FaultProxy.to("127.0.0.1", echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
    threads.shutdownNow();
  }

  @Test
  void forwardsBothWays() throws IOException {
    assertThat(roundTrip("hello")).isEqualTo("hello");
    assertThat(proxy.connections()).isEqualTo(1);
  }

  @Test
  void aCutRefusesConnectionsUntilItHealsOnTheSamePort() throws IOException {
    proxy.cut();
    assertThatThrownBy(() -> roundTrip("lost")).isInstanceOf(ConnectException.class);

    proxy.heal();
    assertThat(roundTrip("back")).isEqualTo("back");
  }

  @Test
  void aResetBreaksTheConnectionWithAReset() {
    proxy.reset();

    assertThatThrownBy(() -> roundTrip("reset")).isInstanceOf(SocketException.class);
  }

  @Test
  void aCutDropsConnectionsThatAreOpen() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      socket.getOutputStream().write('x');
      assertThat(socket.getInputStream().read()).isEqualTo('x');

      proxy.cut();

      assertThat(readOrFail(socket.getInputStream())).isEqualTo(-1);
    }
  }

  @Test
  void aDelayHoldsTheData() throws IOException {
    proxy.delay(Duration.ofMillis(300));
    long started = System.nanoTime();

    assertThat(roundTrip("slow")).isEqualTo("slow");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  private static int readOrFail(InputStream in) {
    try {
      return in.read();
    } catch (IOException e) {
      return -1;
    }
  }

  private String roundTrip(String text) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
