package no.instanceplatform.storage.blob.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.instanceplatform.storage.blob.BlobNames;
import no.instanceplatform.storage.blob.DeclaredLengthInputStream;
import no.instanceplatform.storage.blob.LimitedInputStream;
import no.instanceplatform.storage.common.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The puts of an {@link AzureBlobStore} (its class comment says what they guarantee): one Put Blob, or blocks staged
 * and committed, through a buffer lent within a memory budget ({@link BlockBuffers}); the owner's container created
 * on its first put, and again when it was deleted behind the store's back.
 */
final class BlobWrites {

  private static final Logger log = LoggerFactory.getLogger(BlobWrites.class);

  private final BlobServiceClient service;
  private final BlockBuffers buffers;
  private final Set<String> knownContainers = ConcurrentHashMap.newKeySet();

  BlobWrites(BlobServiceClient service, BlockBuffers buffers) {
    this.service = service;
    this.buffers = buffers;
  }

  /** Receives the content a block at a time, and sends each block once it has it. */
  long put(String org, String name, InputStream content, long maxBytes) {
    LimitedInputStream limited = new LimitedInputStream(content, maxBytes);
    return put(org, name, AzureBlobStore.BLOCK_SIZE, (container, blob, buffer) -> write(container, blob, limited,
        buffer));
  }

  /**
   * Sends content of a declared length on as it arrives, one Put Blob, keeping its first block (the whole of shorter
   * content) in a buffer as it goes.
   */
  long putAsItArrives(String org, String name, DeclaredLengthInputStream content) {
    int kept = Math.toIntExact(Math.min(content.length(), AzureBlobStore.BLOCK_SIZE));
    return put(org, name, kept, (container, blob, buffer) -> {
      ReplayableContent replayable = new ReplayableContent(content, buffer);
      try {
        putBlob(container, blob, BinaryData.fromStream(replayable, content.length()));
      } catch (ReplayableContent.ContentUnreadable e) {
        throw e.callersFailure();
      }
      return content.length();
    });
  }

  /** What a put writes through the block buffer it is given. */
  private interface BlockWrites {
    long write(String container, BlockBlobClient blob, byte[] buffer);
  }

  private long put(String org, String name, int bufferSize, BlockWrites writes) {
    String container = ContainerNames.containerOf(org);
    BlobNames.requireName(name);
    ensureContainer(container);
    BlockBlobClient blob = service.getBlobContainerClient(container).getBlobClient(name).getBlockBlobClient();
    BlockBuffers.Lease lease = buffers.lend(bufferSize);
    boolean written = false;
    try {
      long size = writes.write(container, blob, lease.buffer());
      written = true;
      return size;
    } finally {
      buffers.giveBack(lease, written);
    }
  }

  /** Writes the content through {@code buffer}, one block at a time. */
  private long write(String container, BlockBlobClient blob, LimitedInputStream limited, byte[] buffer) {
    int n = limited.readFully(buffer);
    if (n < buffer.length) {
      putBlob(container, blob, BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, n)));
      return n;
    }
    MessageDigest md5 = ContentMd5.newDigest();
    String upload = UUID.randomUUID().toString();
    List<String> blocks = new ArrayList<>();
    long total = 0;
    while (n > 0) {
      md5.update(buffer, 0, n);
      String block = blockId(upload, blocks.size());
      BinaryData data = BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, n));
      write(container, () -> blob.stageBlockWithResponse(new BlockBlobStageBlockOptions(block, data), null,
          Context.NONE), blocks.isEmpty());
      blocks.add(block);
      total += n;
      // The staged block has been sent, so the buffer can take the next one.
      n = n < buffer.length ? 0 : limited.readFully(buffer);
    }
    BlobHttpHeaders headers = new BlobHttpHeaders().setContentMd5(md5.digest());
    write(container, () -> blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(blocks)
        .setHeaders(headers), null, Context.NONE), false);
    return total;
  }

  /** The whole blob in one request; Azure (and Azurite) store the Content-MD5 of such a blob themselves. */
  private void putBlob(String container, BlockBlobClient blob, BinaryData data) {
    write(container, () -> blob.uploadWithResponse(new BlockBlobSimpleUploadOptions(data), null, Context.NONE),
        true);
  }

  private void ensureContainer(String container) {
    if (!knownContainers.contains(container)) {
      AzureFailures.call(() -> service.getBlobContainerClient(container).createIfNotExists(),
          "create the container of");
      knownContainers.add(container);
    }
  }

  /** Block ids of one blob must all have the same length; these are the upload's id and the block's number. */
  private static String blockId(String upload, int index) {
    return Base64.getEncoder()
        .encodeToString(String.format("%s-%06d", upload, index).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A write request. If the container was deleted behind the store's back, the first request of a put (whose
   * content is still at hand) creates it again and is sent once more; a later one fails, and the next put
   * creates it.
   */
  private void write(String container, Runnable request, boolean first) {
    try {
      request.run();
    } catch (BlobStorageException e) {
      if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode())) {
        knownContainers.remove(container);
        if (first) {
          ensureContainer(container);
          write(container, request, false);
          return;
        }
      }
      if (BlobErrorCode.INVALID_BLOCK_LIST.equals(e.getErrorCode())) {
        log.info("A concurrent write of the same blob committed first: {}", e.getErrorCode());
        throw StorageException.conflict("The file was written by another request at the same time. Try again.");
      }
      throw AzureFailures.unavailable("write", e);
    } catch (StorageException | ReplayableContent.ContentUnreadable e) {
      // Storage's own refusals, and the caller's content that could not be read: no failure of the store's.
      throw e;
    } catch (RuntimeException e) {
      throw AzureFailures.unavailable("write", e);
    }
  }
}
