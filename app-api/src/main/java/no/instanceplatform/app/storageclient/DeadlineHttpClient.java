package no.instanceplatform.app.storageclient;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK HttpClient whose every exchange, the answer's body included, must end within the read timeout. It replaces
 * the request factory's own read timeout, which throws three exceptions on every call when the body is closed in
 * time; here a call that ends in time costs a timer set and cancelled. Until the headers arrive the JDK's request
 * timeout applies (it then throws {@link HttpTimeoutException}); after that a timer closes the body at the same
 * deadline, and a read of a body closed so throws {@link HttpTimeoutException} rather than seeing a short file.
 */
final class DeadlineHttpClient extends HttpClient {

  private static final ScheduledThreadPoolExecutor TIMERS = timers();

  private final HttpClient http;
  private final Duration timeout;

  DeadlineHttpClient(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return http.send(timed(request), withDeadline(handler, System.nanoTime() + timeout.toNanos()));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return http.sendAsync(timed(request), withDeadline(handler, System.nanoTime() + timeout.toNanos()));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromises) {
    return http.sendAsync(timed(request), withDeadline(handler, System.nanoTime() + timeout.toNanos()), pushPromises);
  }

  private HttpRequest timed(HttpRequest request) {
    return request.timeout().isPresent() ? request
        : HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
  }

  @SuppressWarnings("unchecked") // the mapping keeps the type: an InputStream becomes an InputStream
  private static <T> HttpResponse.BodyHandler<T> withDeadline(HttpResponse.BodyHandler<T> handler, long deadline) {
    return info -> HttpResponse.BodySubscribers.mapping(handler.apply(info),
        body -> body instanceof InputStream stream ? (T) new DeadlineInputStream(stream, deadline) : body);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return http.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return http.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return http.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return http.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return http.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return http.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return http.authenticator();
  }

  @Override
  public Version version() {
    return http.version();
  }

  @Override
  public Optional<Executor> executor() {
    return http.executor();
  }

  @Override
  public void shutdown() {
    http.shutdown();
  }

  @Override
  public void shutdownNow() {
    http.shutdownNow();
  }

  @Override
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    return http.awaitTermination(duration);
  }

  @Override
  public boolean isTerminated() {
    return http.isTerminated();
  }

  private static ScheduledThreadPoolExecutor timers() {
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
        Thread.ofPlatform().name("storage-deadlines").daemon().factory());
    // Nearly every timer is cancelled long before it is due: dropping them at once keeps the queue short.
    timers.setRemoveOnCancelPolicy(true);
    return timers;
  }

  private interface Read {
    int read() throws IOException;
  }

  /** A body that is closed when its deadline passes, and then says so to whoever reads it. */
  private static final class DeadlineInputStream extends FilterInputStream {

    private final ScheduledFuture<?> timer;
    private volatile boolean expired;

    DeadlineInputStream(InputStream body, long deadline) {
      super(body);
      this.timer = TIMERS.schedule(this::expire, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int read() throws IOException {
      return guarded(super::read);
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return guarded(() -> super.read(bytes, offset, length));
    }

    @Override
    public void close() throws IOException {
      timer.cancel(false);
      super.close();
    }

    /** A read that fails, or ends, because the deadline closed the body is a timeout. */
    private int guarded(Read read) throws IOException {
      int result;
      try {
        result = read.read();
      } catch (IOException e) {
        if (expired) {
          throw timeout();
        }
        throw e;
      }
      if (expired) {
        throw timeout();
      }
      return result;
    }

    private static HttpTimeoutException timeout() {
      return new HttpTimeoutException("Storage's answer did not end within the read timeout");
    }

    private void expire() {
      expired = true;
      try {
        in.close();
      } catch (IOException e) {
        // The reader is told by the flag; a body that fails to close has nothing more to say.
      }
    }
  }
}
