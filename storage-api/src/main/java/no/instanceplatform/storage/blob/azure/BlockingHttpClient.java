package no.instanceplatform.storage.blob.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import no.instanceplatform.web.BlockingHttpClients;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK's transport: Apache's classic client, which reads and writes its socket in the caller's own (virtual)
 * thread. The JDK's client, the SDK's other transport that can be had here, hands every buffer of a body between its
 * selector thread, its workers and the caller: on a download of 1 MiB its threads took 35% of Storage's CPU, and
 * Reactor's timers 7% more (docs/PERFORMANCE.md, "A blocking transport for the Azure SDK").
 *
 * <p>The asynchronous {@link #send} runs the call in the thread that subscribes, which in Storage is the request's
 * thread blocking on it, so no call of the SDK's waits on another pool.
 *
 * <p>An attempt is bounded: a free connection is waited for, and a connection made, within the connect timeout each;
 * every read, the answer's head as each read of its body, within the read timeout; and the attempt up to the answer's
 * head (connecting, sending the body, waiting) by the attempt timeout, past which the attempt's connection is closed
 * from a timer thread ({@link AttemptDeadline}). Each piece of the body sent starts that clock again: a body sent on
 * as a client uploads it takes as long as the client does. That bound is the only one on writes: a socket's writes
 * have no timeout of their own. The SDK's own try timeout (a Reactor timer) could not stop a blocking call, so it is
 * not used. A body is read as fast as its reader reads, with no bound on the whole.
 */
final class BlockingHttpClient implements HttpClient {

  /** Ends attempts that run past their timeout, for every client. */
  private static final ScheduledExecutorService DEADLINES = BlockingHttpClients.timer("azure-attempt-deadlines");

  private final CloseableHttpClient http;
  private final Duration attemptTimeout;

  private BlockingHttpClient(CloseableHttpClient http, Duration attemptTimeout) {
    this.http = http;
    this.attemptTimeout = attemptTimeout;
  }

  /** A client of at most {@code maxConnections} connections ({@link BlockingHttpClients#pooled}). */
  static BlockingHttpClient create(Duration connectTimeout, Duration readTimeout, Duration attemptTimeout,
      int maxConnections) {
    return new BlockingHttpClient(BlockingHttpClients.pooled(connectTimeout, readTimeout, maxConnections).build(),
        attemptTimeout);
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return send(request, Context.NONE);
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request, Context context) {
    return Mono.fromCallable(() -> execute(request));
  }

  /** Fails with an {@link UncheckedIOException}, whose cause the SDK's retry policy takes for a reason to retry. */
  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    try {
      return execute(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse execute(HttpRequest request) throws IOException {
    HttpUriRequestBase call = new HttpUriRequestBase(request.getHttpMethod().name(),
        URI.create(request.getUrl().toString()));
    for (HttpHeader header : request.getHeaders()) {
      if (!setByTheClient(header.getName())) {
        for (String value : header.getValuesList()) {
          call.addHeader(header.getName(), value);
        }
      }
    }
    AttemptDeadline deadline = AttemptDeadline.start(DEADLINES, attemptTimeout, call::cancel);
    try {
      call.setEntity(entity(request, deadline));
      return new BlockingHttpResponse(request, http.executeOpen(RoutingSupport.determineHost(call), call, null));
    } catch (IOException e) {
      if (deadline.reached()) {
        InterruptedIOException late = new InterruptedIOException("The attempt stood still for " + attemptTimeout);
        late.initCause(e);
        throw late;
      }
      throw e;
    } catch (HttpException e) {
      throw new IOException(e);
    } finally {
      deadline.stop();
    }
  }

  /** Headers the client writes itself, from the entity and the address; it refuses a request that has them. */
  private static boolean setByTheClient(String name) {
    return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
        || name.equalsIgnoreCase("Host");
  }

  /** The body with the length the SDK declared; a PUT without a body still says it has none, as Azure requires. */
  private static HttpEntity entity(HttpRequest request, AttemptDeadline deadline) {
    String declared = request.getHeaders().getValue(HttpHeaderName.CONTENT_LENGTH);
    BinaryData body = request.getBodyAsBinaryData();
    if (body == null) {
      return declared == null ? null : new ByteArrayEntity(new byte[0], null);
    }
    Long known = body.getLength();
    long length = declared != null ? Long.parseLong(declared) : known != null ? known : -1;
    return new BodyEntity(body, length, deadline);
  }

  /**
   * A request's body, written from the SDK's {@link BinaryData} as the buffers it holds: a block that Storage stages
   * goes out from its own buffer.
   */
  private static final class BodyEntity extends AbstractHttpEntity {

    private final BinaryData body;
    private final long length;
    private final AttemptDeadline deadline;

    BodyEntity(BinaryData body, long length, AttemptDeadline deadline) {
      super((String) null, null, false);
      this.body = body;
      this.length = length;
      this.deadline = deadline;
    }

    @Override
    public InputStream getContent() {
      return body.toStream();
    }

    /**
     * Through a channel: written to a stream, a body held in a buffer is first copied whole into a new array (a
     * humongous object, for a block of 4 MiB); a channel is handed the buffer itself.
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
      body.writeTo(new StreamChannel(out, deadline));
    }

    @Override
    public long getContentLength() {
      return length;
    }

    @Override
    public boolean isRepeatable() {
      return body.isReplayable();
    }

    @Override
    public boolean isStreaming() {
      return false;
    }

    @Override
    public void close() {
    }
  }

  /**
   * Writes buffers to a connection's stream: an array's bytes as they are, and those of a read-only buffer (how the
   * SDK hands out one it holds) through a scratch array of {@value BlockingHttpResponse#CHUNK_BYTES} bytes. Each
   * write moves the attempt's deadline on.
   */
  private static final class StreamChannel implements WritableByteChannel {

    private final OutputStream out;
    private final AttemptDeadline deadline;
    private byte[] scratch;

    StreamChannel(OutputStream out, AttemptDeadline deadline) {
      this.out = out;
      this.deadline = deadline;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      int n = source.remaining();
      if (source.hasArray()) {
        out.write(source.array(), source.arrayOffset() + source.position(), n);
        source.position(source.limit());
      } else {
        if (scratch == null) {
          scratch = new byte[Math.min(n, BlockingHttpResponse.CHUNK_BYTES)];
        }
        n = Math.min(n, scratch.length);
        source.get(scratch, 0, n);
        out.write(scratch, 0, n);
      }
      deadline.progressed();
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {
    }
  }
}
