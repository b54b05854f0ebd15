package no.instanceplatform.web;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache's classic HTTP client, as the services call what is behind them (the App API calls Storage; Storage calls its
 * blob store): a call reads and writes its socket in the caller's own (virtual) thread, with no hand-over to a
 * selector thread for every buffer of a body, which is what the JDK's client costs (docs/PERFORMANCE.md).
 */
public final class BlockingHttpClients {

  private BlockingHttpClients() {}

  /**
   * A client of at most {@code maxConnections} connections to build on; a call waits up to {@code connectTimeout}
   * for a free one and then for the connection, and up to {@code readTimeout} for each read. It never retries (the
   * caller decides that) and never follows redirects, keeps cookies or asks for compressed answers, so that a body
   * and its Content-Length arrive as they were sent.
   */
  public static HttpClientBuilder pooled(Duration connectTimeout, Duration readTimeout, int maxConnections) {
    ConnectionConfig connections = ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(connectTimeout))
        .setSocketTimeout(Timeout.of(readTimeout))
        // A connection the other side may have closed while it was idle is checked before it is used again (a read
        // of at most 1 ms), rather than a write failing on it: a write is not always retried.
        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
        .build();
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(connections)
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(connectTimeout))
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableContentCompression()
        .disableAuthCaching();
  }

  /**
   * One daemon thread that ends blocking calls which run past a bound of their own (by closing their connection),
   * for a whole service: it only closes connections. A task cancelled before its time, as nearly every one is since
   * most calls end in time, leaves the queue at once rather than waiting there.
   */
  public static ScheduledExecutorService timer(String threadName) {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
        Thread.ofPlatform().name(threadName).daemon().factory());
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
