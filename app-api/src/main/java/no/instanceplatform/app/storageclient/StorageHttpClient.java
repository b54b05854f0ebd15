package no.instanceplatform.app.storageclient;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import no.instanceplatform.web.BlockingHttpClients;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.util.TimeValue;

/**
 * The blocking HTTP client the App API calls Storage with. A call reads and writes its socket in the caller's own
 * (virtual) thread, with no hand-over to a selector thread for every buffer of a body, which is what the JDK's client
 * costs; see docs/PERFORMANCE.md, "The App API's client to Storage".
 *
 * <p>The read timeout is how long Storage may leave a call without a byte: for its answer's head, between any two
 * reads of its body, and for taking any one write of a body sent to it. It is not a limit on the whole exchange, since a file passes through as fast as the App API's own
 * client sends or takes it, and a phone on a poor network may take minutes over a file that Storage would serve in a
 * second.
 */
final class StorageHttpClient {

  /** How much of an answer is read to its end when its body is closed early, so that the connection can be reused. */
  static final int DRAINED_AT_MOST = 64 * 1024;

  private StorageHttpClient() {}

  /**
   * A client of at most {@code maxConnections} connections ({@link BlockingHttpClients#pooled}), whose bodies closed
   * before their end let their connections go, and whose writes to Storage wait no longer than its reads
   * ({@link StalledWrites}).
   */
  static CloseableHttpClient create(Duration connectTimeout, Duration readTimeout, int maxConnections) {
    return BlockingHttpClients.pooled(connectTimeout, readTimeout, maxConnections)
        .addExecInterceptorFirst("unfinished-bodies", new UnfinishedBodies())
        .addExecInterceptorFirst("stalled-writes", new StalledWrites(readTimeout))
        .evictIdleConnections(TimeValue.ofSeconds(30))
        .build();
  }

  /**
   * A body closed before its end lets its connection go. The client's own close reads a body to its end to reuse the
   * connection, and Spring closes every answer so: a download whose client went away would otherwise be read from
   * Storage to its last byte, up to a gigabyte, before the App API's thread is free.
   */
  private static final class UnfinishedBodies implements ExecChainHandler {

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
        throws IOException, HttpException {
      ClassicHttpResponse response = chain.proceed(request, scope);
      HttpEntity entity = response.getEntity();
      if (entity != null && entity.isStreaming()) {
        response.setEntity(new AbortingEntity(entity));
      }
      return response;
    }
  }

  private static final class AbortingEntity extends HttpEntityWrapper {

    private InputStream content;

    AbortingEntity(HttpEntity entity) {
      super(entity);
    }

    /** The same stream every time: the wrapped entity gives a new one on every call, each closing as it likes. */
    @Override
    public InputStream getContent() throws IOException {
      if (content == null) {
        content = new AbortingStream(super.getContent());
      }
      return content;
    }
  }

  private static final class AbortingStream extends FilterInputStream {

    private boolean closed;

    AbortingStream(InputStream body) {
      super(body);
    }

    /**
     * Reads what is left of the body when that is little (JSON is often read to its last value but not to its end),
     * and otherwise closes the connection without reading on.
     */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (endsWithin(DRAINED_AT_MOST) || !(in instanceof EofSensorInputStream sensor)) {
        in.close();
      } else {
        sensor.abort();
      }
    }

    private boolean endsWithin(int limit) {
      try {
        if (in.read() < 0) {
          return true;
        }
        byte[] buffer = new byte[8192];
        for (int left = limit - 1; left > 0; ) {
          int n = in.read(buffer, 0, Math.min(buffer.length, left));
          if (n < 0) {
            return true;
          }
          left -= n;
        }
        return false;
      } catch (IOException e) {
        // A body that cannot be read on is no reason to keep its connection.
        return false;
      }
    }
  }
}
