package no.instanceplatform.storage.blob.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.CoreUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;
import no.instanceplatform.web.PlatformWebConfiguration;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One answer of {@link BlockingHttpClient}, its body still on the connection.
 *
 * <p>{@link #getBody()} reads the body as its subscriber asks for it, in the asking thread, {@value #CHUNK_BYTES}
 * bytes at a time: a download is read from the socket only as fast as its reader takes it, and no more than the
 * chunks it asked for are held. The other ways to the body read it whole into memory, once; the SDK takes them for
 * small bodies (errors, listings), not for the streamed downloads of {@code downloadStream}, which Storage and the
 * benchmark make.
 *
 * <p>The connection goes back to the pool when the body has been read to its end. Closing the answer before then, or
 * cancelling the body, closes the connection instead of reading on: the rest may be a gigabyte.
 */
final class BlockingHttpResponse extends HttpResponse {

  private static final Logger log = LoggerFactory.getLogger(BlockingHttpResponse.class);

  /** Bytes per chunk of a streamed body: the size in which Storage writes to its own clients. */
  static final int CHUNK_BYTES = PlatformWebConfiguration.SOCKET_WRITE_BYTES;

  private final ClassicHttpResponse response;
  private final HttpHeaders headers;
  private final InputStream body;
  private final AtomicBoolean closed = new AtomicBoolean();
  private byte[] whole;

  BlockingHttpResponse(HttpRequest request, ClassicHttpResponse response) throws IOException {
    super(request);
    this.response = response;
    Header[] received = response.getHeaders();
    this.headers = new HttpHeaders(received.length);
    for (Header header : received) {
      headers.add(HttpHeaderName.fromString(header.getName()), header.getValue());
    }
    HttpEntity entity = response.getEntity();
    this.body = entity == null ? InputStream.nullInputStream() : entity.getContent();
  }

  @Override
  public int getStatusCode() {
    return response.getCode();
  }

  @Override
  @Deprecated
  public String getHeaderValue(String name) {
    return headers.getValue(HttpHeaderName.fromString(name));
  }

  @Override
  public String getHeaderValue(HttpHeaderName name) {
    return headers.getValue(name);
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return Flux.<ByteBuffer>generate(sink -> {
      try {
        byte[] chunk = new byte[CHUNK_BYTES];
        int n = body.readNBytes(chunk, 0, chunk.length);
        if (n > 0) {
          sink.next(ByteBuffer.wrap(chunk, 0, n));
        }
        if (n < chunk.length) {
          sink.complete();
        }
      } catch (IOException e) {
        sink.error(e);
      }
    }).doFinally(signal -> close());
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return Mono.fromCallable(this::whole);
  }

  @Override
  public BinaryData getBodyAsBinaryData() {
    return BinaryData.fromBytes(whole());
  }

  @Override
  public Mono<String> getBodyAsString() {
    return Mono.fromCallable(() -> CoreUtils.bomAwareToString(whole(),
        headers.getValue(HttpHeaderName.CONTENT_TYPE)));
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return Mono.fromCallable(() -> new String(whole(), charset));
  }

  /** Lets the connection go: back to the pool if the body was read to its end, otherwise closed. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        if (body instanceof EofSensorInputStream connection) {
          // After the end this does nothing; before it, it closes the connection rather than read the rest.
          connection.abort();
        }
        response.close();
      } catch (IOException e) {
        log.debug("Closing a blob store's answer failed: {}", e.toString());
      }
    }
  }

  private byte[] whole() {
    if (whole == null) {
      try {
        whole = body.readAllBytes();
      } catch (IOException e) {
        close();
        throw new UncheckedIOException(e);
      }
    }
    return whole;
  }
}
