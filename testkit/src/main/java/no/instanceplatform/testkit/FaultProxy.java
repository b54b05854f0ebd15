package no.instanceplatform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A TCP proxy on a loopback port in front of a dependency (Storage, MongoDB, the blob store), that can break the
 * connection on command: {@link #cut()} refuses new connections and drops the open ones, {@link #reset()} answers
 * every connection with a TCP reset, {@link #delay(Duration)} holds every chunk of data that long, and
 * {@link #heal()} forwards again. The port stays the same throughout, so the service under test needs no restart.
 */
public final class FaultProxy implements AutoCloseable {

  /** What the proxy does with traffic. */
  public enum Mode { FORWARD, CUT, RESET, DELAY }

  private final InetSocketAddress target;
  private final int port;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();
  private volatile Mode mode = Mode.FORWARD;
  private volatile Duration delay = Duration.ZERO;
  private volatile ServerSocket listener;

  private FaultProxy(InetSocketAddress target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
    this.port = listener.getLocalPort();
    accept(listener);
  }

  /** A proxy on a free loopback port forwarding to {@code host:port}. */
  public static FaultProxy to(String host, int port) {
    try {
      return new FaultProxy(new InetSocketAddress(host, port), listen(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public Mode mode() {
    return mode;
  }

  /** How many connections the proxy has accepted: to tell that a client did (or did not) reach it. */
  public long connections() {
    return connections.get();
  }

  /** Bytes passed on from clients to the dependency so far: to tell how far a request's body had come. */
  public long bytesSent() {
    return bytesSent.get();
  }

  /** Refuses new connections (nothing listens on the port) and closes the open ones. */
  public synchronized void cut() {
    mode = Mode.CUT;
    closeQuietly(listener);
    dropOpen();
  }

  /** Accepts connections and resets them at once (RST, not an orderly close), also the open ones. */
  public synchronized void reset() {
    relisten();
    mode = Mode.RESET;
    open.forEach(FaultProxy::resetQuietly);
  }

  /** Holds every chunk of data, both ways, for {@code by} before passing it on. */
  public synchronized void delay(Duration by) {
    relisten();
    delay = by;
    mode = Mode.DELAY;
  }

  /** Forwards again, at once, on the same port. */
  public synchronized void heal() {
    relisten();
    delay = Duration.ZERO;
    mode = Mode.FORWARD;
  }

  @Override
  public synchronized void close() {
    mode = Mode.CUT;
    closeQuietly(listener);
    dropOpen();
    threads.shutdownNow();
  }

  private void relisten() {
    if (listener.isClosed()) {
      try {
        listener = listen(port);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot listen on port " + port + " again", e);
      }
      accept(listener);
    }
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void accept(ServerSocket server) {
    threads.submit(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          connections.incrementAndGet();
          threads.submit(() -> serve(client));
        } catch (IOException e) {
          // Closed by cut() or close(): the loop ends.
        }
      }
    });
  }

  private void serve(Socket client) {
    if (mode == Mode.RESET) {
      resetQuietly(client);
      return;
    }
    open.add(client);
    try (Socket upstream = new Socket()) {
      upstream.connect(target, 5_000);
      open.add(upstream);
      Future<?> answers = threads.submit(() -> pump(upstream, client, n -> { }));
      pump(client, upstream, bytesSent::addAndGet);
      // A client that has sent all it will send still waits for the answer: close only when both ways are done.
      answers.get();
    } catch (IOException | ExecutionException e) {
      // The dependency refused or a side went away: the client sees its connection end.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
      open.remove(client);
    }
  }

  private void pump(Socket from, Socket to, LongConsumer passedOn) {
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (mode == Mode.DELAY) {
          Thread.sleep(delay);
        }
        if (mode == Mode.RESET) {
          resetQuietly(from);
          resetQuietly(to);
          return;
        }
        out.write(buffer, 0, read);
        out.flush();
        passedOn.accept(read);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(to);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(from);
    }
  }

  private void dropOpen() {
    open.forEach(FaultProxy::closeQuietly);
    open.clear();
  }

  private static void resetQuietly(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // Already closed: nothing to reset.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing is all that is wanted; a failure to close leaves nothing to do.
    }
  }
}
