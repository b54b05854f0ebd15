package no.instanceplatform.storage.blob.azure;

import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlobInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import no.instanceplatform.storage.blob.BlobStoreUnavailableException;
import no.instanceplatform.storage.common.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read of one blob version, checked whole before its last bytes are handed out.
 *
 * <p>The SDK's stream of that version, whose failures (with the SDK's exceptions as causes) become Storage's. The
 * last bytes are handed out only once the whole has been checked against the size and (for blobs of more than one
 * block) the Content-MD5 the put stored: a read that mixed two versions, or came up short, ends in a conflict
 * instead, before a caller could take it for complete. Azure's conditional range reads already prevent mixes;
 * Azurite's do not when a commit races them. A blob of one block is read in one response, whole by nature. (Blobs
 * written by other tools without a Content-MD5 are checked for their size only.)
 */
final class VerifiedBlobStream extends FilterInputStream {

  private static final Logger log = LoggerFactory.getLogger(VerifiedBlobStream.class);

  private final long size;
  private final byte[] expectedMd5;
  private final MessageDigest md5 = ContentMd5.newDigest();
  private long count;
  private boolean verified;

  VerifiedBlobStream(BlobInputStream stream, long size, byte[] expectedMd5) {
    super(stream);
    this.size = size;
    this.expectedMd5 = expectedMd5;
  }

  /** Closes a stream of the SDK, whose failure to close leaves nothing to undo. */
  static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException | RuntimeException e) {
      log.debug("Closing a blob stream failed: {}", e.toString());
    }
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
    if (n > 0) {
      count += n;
      md5.update(buffer, offset, n);
    }
    if (!verified && (n < 0 || count >= size)) {
      verify();
    }
    return n;
  }

  @Override
  public long skip(long n) {
    // Read, not skipped: the check needs every byte.
    byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false; // a reset would feed bytes to the check twice
  }

  @Override
  public void mark(int readLimit) {
    // not supported
  }

  @Override
  public void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  @Override
  public void close() {
    closeQuietly(in);
  }

  private void verify() {
    if (count != size) {
      throw changed("came to " + count + " of its " + size + " bytes");
    }
    if (expectedMd5 != null && !MessageDigest.isEqual(expectedMd5, md5.digest())) {
      throw changed("did not match its Content-MD5");
    }
    verified = true;
  }

  private static StorageException failed(Exception e) {
    if (e.getCause() instanceof BlobStorageException storage
        && (storage.getStatusCode() == 412 || storage.getStatusCode() == 404)) {
      StorageException changed = changed("changed (status " + storage.getStatusCode() + ")");
      changed.initCause(e);
      return changed;
    }
    log.warn("The Azure blob store failed while a blob was read: {}", e.toString());
    return new BlobStoreUnavailableException(e);
  }

  private static StorageException changed(String how) {
    log.info("A blob read {}: it was replaced or deleted meanwhile", how);
    return StorageException.conflict("The file was replaced or deleted while it was read. Read it again.");
  }
}
