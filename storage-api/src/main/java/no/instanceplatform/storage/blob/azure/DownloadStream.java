package no.instanceplatform.storage.blob.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import no.instanceplatform.storage.blob.BlobStoreUnavailableException;
import no.instanceplatform.storage.common.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * The body of one Get Blob response, handed out as it arrives.
 *
 * <p>The SDK delivers the body as chunks, which {@link BlockingHttpResponse} reads from the socket as they are asked
 * for, in the asking thread: here the reader's, since this stream asks for at most {@value #PREFETCH} chunks ahead of
 * its reader and for more only as it reads. So the connection is read only as fast as the reader reads, memory stays
 * bounded whatever the blob's size, and no thread of this store's is involved. Closing the stream before the end
 * cancels the response, which closes its connection. The read timeout ({@code storage.blob.azure.read-timeout}) runs
 * only while a read waits for the store, so a reader may pause; the store itself may end a response it cannot send
 * for long, and the read then fails.
 *
 * <p>The body is checked against the response's Content-Length: a body that ends short fails where the end would
 * have been, and one that runs long fails before its extra bytes are handed out, so a broken response is never
 * taken for the whole blob. Every failure (with the SDK's exception as its cause, for the log) is
 * {@link BlobStoreUnavailableException}: the caller may read again.
 */
final class DownloadStream extends InputStream {

  private static final Logger log = LoggerFactory.getLogger(DownloadStream.class);

  /** Chunks requested ahead of the reader: 128 KiB, read from the socket in one go when they are asked for. */
  private static final int PREFETCH = 4;

  private static final ByteBuffer NONE = ByteBuffer.allocate(0);

  private final Stream<ByteBuffer> subscription;
  private final Iterator<ByteBuffer> chunks;
  private final long size;
  private ByteBuffer chunk = NONE;
  private long received;
  private boolean closed;

  /** Subscribes to {@code body} at once; the caller must close the stream. */
  DownloadStream(Flux<ByteBuffer> body, long size) {
    // Closing the stream of a Flux cancels its subscription.
    this.subscription = body.toStream(PREFETCH);
    this.chunks = subscription.iterator();
    this.size = size;
  }

  @Override
  public int read() throws IOException {
    ByteBuffer current = current();
    return current == null ? -1 : current.get() & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    ByteBuffer current = current();
    if (current == null) {
      return -1;
    }
    int n = Math.min(length, current.remaining());
    current.get(buffer, offset, n);
    return n;
  }

  /** Writes each chunk as it is, without copying it into a buffer first (a download's way out). */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    long transferred = 0;
    for (ByteBuffer current = current(); current != null; current = current()) {
      int n = current.remaining();
      if (current.hasArray()) {
        out.write(current.array(), current.arrayOffset() + current.position(), n);
        current.position(current.limit());
      } else {
        byte[] copy = new byte[n];
        current.get(copy);
        out.write(copy);
      }
      transferred += n;
    }
    return transferred;
  }

  @Override
  public int available() {
    return closed ? 0 : chunk.remaining();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      chunk = NONE;
      subscription.close();
    }
  }

  /** The chunk with bytes left to hand out, waiting for the next one if need be; null at the checked end. */
  private ByteBuffer current() throws IOException {
    if (closed) {
      throw new IOException("The blob stream is closed");
    }
    while (!chunk.hasRemaining()) {
      if (!hasNext()) {
        if (received != size) {
          throw broken("ended after " + received + " of its " + size + " bytes");
        }
        return null;
      }
      chunk = next();
      received += chunk.remaining();
      if (received > size) {
        throw broken("ran past its " + size + " bytes");
      }
    }
    return chunk;
  }

  private boolean hasNext() {
    try {
      return chunks.hasNext();
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  private ByteBuffer next() {
    try {
      return chunks.next();
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  private StorageException failed(RuntimeException e) {
    log.warn("The Azure blob store failed while a blob was read: {}", e.toString());
    close();
    return new BlobStoreUnavailableException(e);
  }

  private StorageException broken(String how) {
    log.warn("A blob's response {}", how);
    close();
    return new BlobStoreUnavailableException(new IllegalStateException("The response " + how));
  }
}
