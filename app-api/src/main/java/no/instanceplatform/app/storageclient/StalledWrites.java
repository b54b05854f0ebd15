package no.instanceplatform.app.storageclient;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.web.BlockingHttpClients;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Ends a call whose body Storage stops taking: a write to Storage that waits longer than {@code limit} closes the
 * connection, as a read that waits that long times out. A socket's writes have no timeout of their own, so a Storage
 * that stopped reading would otherwise hold the App API's thread, and its caller, for as long as TCP keeps the
 * connection (many minutes). Only a write that waits counts: a caller who sends slowly keeps the App API from
 * writing, which is no sign of Storage failing.
 *
 * <p>One check per call every {@code limit} at most, on a timer thread shared by all calls
 * ({@link BlockingHttpClients#timer}); a write only notes when it starts and ends.
 */
final class StalledWrites implements ExecChainHandler {

  private static final ScheduledExecutorService CHECKS = BlockingHttpClients.timer("storage-write-checks");

  private final Duration limit;

  StalledWrites(Duration limit) {
    this.limit = limit;
  }

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    HttpEntity entity = request.getEntity();
    if (entity == null) {
      return chain.proceed(request, scope);
    }
    Watch watch = new Watch(scope.execRuntime, limit.toNanos());
    request.setEntity(new WatchedEntity(entity, watch));
    try {
      return chain.proceed(request, scope);
    } catch (IOException e) {
      if (watch.stalled) {
        SocketTimeoutException stalled = new SocketTimeoutException("Storage took no byte of the body for " + limit);
        stalled.initCause(e);
        throw stalled;
      }
      throw e;
    } finally {
      watch.stop();
    }
  }

  /** Watches the writes of one call's body, and closes its connection when one waits too long. */
  private static final class Watch implements Runnable {

    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final ExecRuntime runtime;
    private final long limitNanos;
    private volatile long waitingSince = NOT_WAITING;
    private volatile boolean stalled;
    private boolean stopped;
    private ScheduledFuture<?> next;

    Watch(ExecRuntime runtime, long limitNanos) {
      this.runtime = runtime;
      this.limitNanos = limitNanos;
    }

    void writing() {
      waitingSince = System.nanoTime();
    }

    void written() {
      waitingSince = NOT_WAITING;
    }

    @Override
    public void run() {
      long since = waitingSince;
      long now = System.nanoTime();
      if (since != NOT_WAITING && now - since >= limitNanos) {
        stalled = true;
        // Closes the socket, which ends the write that waits on it.
        runtime.discardEndpoint();
        return;
      }
      checkIn(since == NOT_WAITING ? limitNanos : since + limitNanos - now);
    }

    synchronized void checkIn(long nanos) {
      if (!stopped) {
        next = CHECKS.schedule(this, nanos, TimeUnit.NANOSECONDS);
      }
    }

    synchronized void stop() {
      stopped = true;
      if (next != null) {
        next.cancel(false);
      }
    }
  }

  private static final class WatchedEntity extends HttpEntityWrapper {

    private final Watch watch;

    WatchedEntity(HttpEntity entity, Watch watch) {
      super(entity);
      this.watch = watch;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      watch.checkIn(watch.limitNanos);
      super.writeTo(new WatchedStream(out, watch));
    }
  }

  private static final class WatchedStream extends FilterOutputStream {

    private final Watch watch;

    WatchedStream(OutputStream out, Watch watch) {
      super(out);
      this.watch = watch;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      watched(() -> out.write(bytes, offset, length));
    }

    @Override
    public void flush() throws IOException {
      watched(out::flush);
    }

    /** Runs {@code write}, noted as waiting from its start to its end. */
    private void watched(Write write) throws IOException {
      watch.writing();
      try {
        write.run();
      } finally {
        watch.written();
      }
    }
  }

  /** A write to (or a flush of) the stream to Storage. */
  @FunctionalInterface
  private interface Write {
    void run() throws IOException;
  }
}
