package no.instanceplatform.storage.blob.azure;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobAsyncClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceAsyncClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobDownloadAsyncResponse;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.azure.storage.blob.models.DownloadRetryOptions;
import com.azure.storage.blob.models.ListBlobContainersOptions;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.instanceplatform.storage.blob.BlobNames;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.blob.BlobTooLargeException;
import no.instanceplatform.storage.blob.DeclaredLengthInputStream;
import no.instanceplatform.storage.common.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs in Azure Blob Storage (or Azurite): one container per app owner, created on first use, holding block
 * blobs under their names.
 *
 * <p>A put ({@link BlobWrites}) reads the content in blocks of {@value #BLOCK_SIZE} bytes, so memory stays bounded
 * whatever the size, and all puts at once hold their buffers within a budget ({@link BlockBuffers}): a put beyond it
 * waits its turn, and is answered 503 if that takes too long. Content whose length is declared before its first byte
 * (a request's Content-Length), up to 256 MiB ({@link #MAX_PUT_BLOB_BYTES}), is one Put Blob sent on as it arrives, its
 * first block kept in the block buffer as it goes for an attempt that must be repeated ({@link ReplayableContent}).
 * Other content is received a block at a time: content that fits one block is one Put Blob, larger content is staged
 * block by block and committed with one Put Block List. Either replaces the old blob in one step, and staged blocks
 * are invisible until committed: content past its limit, or a failure half-way, leaves the old blob as it was. Of
 * two puts of one blob at the same time the last commit wins; if the first commit discarded the other's staged
 * blocks, the other fails with a conflict.
 *
 * <p>One Put Blob, against blocks: the client's bytes go on to the store while the client sends them (a put of
 * blocks stops reading the client while it stages each block), in one request rather than one per 4 MiB; on Azurite
 * 100 MiB took three quarters of the time of 4 MiB blocks (docs/PERFORMANCE.md). The price: an attempt that fails
 * past the first block cannot be repeated, so the put fails and the client sends the file again, where a put of
 * blocks repeats only the block. Past the SDK's own bound for one Put Blob (256 MiB, of Azure's 5,000 MiB) the
 * price is judged too high, as the SDK judges it, and content goes in blocks.
 *
 * <p>Every blob carries its content's MD5 as its Content-MD5: the service computes it for one Put Blob; for a committed
 * block list, which it does not, the put sends it with the commit. A read is one Get Blob of the whole blob, its body
 * handed to the caller as it arrives ({@link DownloadStream}), so memory stays bounded here too. One response is one
 * version: Azure serves a Get Blob from the block list committed when it began, and a commit meanwhile does not change
 * it; Azurite likewise reads the blocks listed when the request came (AzureBlobStoreTests replaces a blob in the middle
 * of a read). A response that breaks off is not resumed with a range request, which could be of a newer version
 * (Azurite's conditional reads do not prevent that when a commit races them): the read fails and the caller reads
 * again. So a reader never takes a mix of two versions for a whole, and a read does not check the Content-MD5: one
 * response holds no mix for it to catch, a body short or long fails on its Content-Length, and damage in transit is
 * TCP's (or TLS's) to catch; the check cost as much CPU as the download itself (143 ms for 100 MiB on Azurite, against
 * 197 ms for the Get Blob).
 *
 * <p>Every failure of the SDK is translated in this package ({@link AzureFailures}, {@link DownloadStream}): a
 * missing blob or container is empty/false; anything else is a {@link StorageException} of kind UNAVAILABLE (or
 * CONFLICT when concurrent puts collide). Requests are retried a few times, briefly ({@link AzureServiceClients}),
 * so that a store out of reach fails in seconds.
 *
 * <p>Every call, the reading of a blob's stream included, runs in the caller's thread ({@link BlockingHttpClient}).
 */
public class AzureBlobStore implements BlobStore {

  private static final Logger log = LoggerFactory.getLogger(AzureBlobStore.class);

  /** Bytes per block written. */
  public static final int BLOCK_SIZE = 4 * 1024 * 1024;

  /** The most content of a declared length sent as one Put Blob: the SDK's own bound for its uploads (256 MiB). */
  public static final int MAX_PUT_BLOB_BYTES = BlockBlobClient.MAX_UPLOAD_BLOB_BYTES;

  /** A broken read is not resumed with a range request, which could be of another version: see the class comment. */
  private static final DownloadRetryOptions NO_RESUME = new DownloadRetryOptions().setMaxRetryRequests(0);

  private final BlobServiceClient service;
  /** The same account over the same pipeline, for reads: only the asynchronous client streams a response body. */
  private final BlobServiceAsyncClient reads;
  private final BlobWrites writes;

  /**
   * A store over a client built by {@link AzureServiceClients#create} (or any other), whose puts hold at most a quarter
   * of the heap ({@link BlockBuffers#forThisHeap}).
   */
  public AzureBlobStore(BlobServiceClient service) {
    this(service, BlockBuffers.forThisHeap());
  }

  AzureBlobStore(BlobServiceClient service, BlockBuffers buffers) {
    this.service = service;
    this.reads = new BlobServiceClientBuilder().pipeline(service.getHttpPipeline()).endpoint(service.getAccountUrl())
        .serviceVersion(service.getServiceVersion()).buildAsyncClient();
    this.writes = new BlobWrites(service, buffers);
  }

  /** The account, for the health endpoint (not a secret). */
  public String accountName() {
    return service.getAccountName();
  }

  /** Asks the account for one container: the cheapest call that proves it answers and accepts the credentials. */
  public void ping() {
    AzureFailures.call(() -> service.listBlobContainers(new ListBlobContainersOptions().setMaxResultsPerPage(1),
        null).stream().findFirst(), "ping");
  }

  @Override
  public long put(String org, String name, InputStream content, long maxBytes) {
    return writes.put(org, name, content, maxBytes);
  }

  /**
   * Content of a declared length up to {@link #MAX_PUT_BLOB_BYTES} is sent on as it arrives, one Put Blob,
   * instead of being received a block at a time (the class comment says why, and at what price).
   */
  @Override
  public long put(String org, String name, InputStream content, long length, long maxBytes) {
    if (length < 0 || length > MAX_PUT_BLOB_BYTES) {
      return BlobStore.super.put(org, name, content, length, maxBytes);
    }
    if (length > maxBytes) {
      throw new BlobTooLargeException(maxBytes);
    }
    return writes.putAsItArrives(org, name, new DeclaredLengthInputStream(content, length));
  }

  @Override
  public Optional<BlobContent> get(String org, String name) {
    String container = ContainerNames.containerOf(org);
    BlobNames.requireName(name);
    BlobAsyncClient blob = reads.getBlobContainerAsyncClient(container).getBlobAsyncClient(name);
    return AzureFailures.orNotFound(() -> Optional.of(open(blob)), Optional.empty(), "read");
  }

  /** Waits for the status and headers of one Get Blob of the whole blob; its body is streamed as it is read. */
  private static BlobContent open(BlobAsyncClient blob) {
    BlobDownloadAsyncResponse response = blob.downloadStreamWithResponse(null, NO_RESUME, null, false).block();
    try {
      long size = response.getDeserializedHeaders().getContentLength();
      return new BlobContent(new DownloadStream(response.getValue(), size), size);
    } catch (RuntimeException e) {
      closeQuietly(response);
      throw e;
    }
  }

  private static void closeQuietly(BlobDownloadAsyncResponse response) {
    try {
      response.close();
    } catch (IOException | RuntimeException e) {
      log.debug("Closing a blob response failed: {}", e.toString());
    }
  }

  @Override
  public boolean delete(String org, String name) {
    String container = ContainerNames.containerOf(org);
    BlobNames.requireName(name);
    BlobContainerClient client = service.getBlobContainerClient(container);
    return AzureFailures.orNotFound(() -> deleteIfExists(client, name), false, "delete");
  }

  @Override
  public int deleteByPrefix(String org, String prefix) {
    String container = ContainerNames.containerOf(org);
    BlobNames.requirePrefix(prefix);
    BlobContainerClient client = service.getBlobContainerClient(container);
    return AzureFailures.orNotFound(() -> {
      int deleted = 0;
      for (BlobItem item : client.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
        if (deleteIfExists(client, item.getName())) {
          deleted++;
        }
      }
      return deleted;
    }, 0, "delete by prefix");
  }

  /** Lists the containers Storage made (one per org) and their blobs, a page of each at a time. */
  @Override
  public Stream<StoredBlob> list(Instant olderThan) {
    return AzureFailures.stream(service::listBlobContainers, "list the containers").flatMap(container ->
        ContainerNames.orgOf(container.getName()).stream().flatMap(org -> AzureFailures.stream(
                () -> service.getBlobContainerClient(container.getName()).listBlobs(), "list the blobs of")
            .map(item -> new StoredBlob(org, item.getName(), item.getProperties().getLastModified().toInstant()))
            .filter(blob -> blob.lastModified().isBefore(olderThan))));
  }

  /** A failed put leaves only uncommitted blocks, which Azure discards by itself a week later. */
  @Override
  public int removeAbandonedWrites(Instant olderThan) {
    return 0;
  }

  private static boolean deleteIfExists(BlobContainerClient client, String name) {
    return client.getBlobClient(name)
        .deleteIfExistsWithResponse(DeleteSnapshotsOptionType.INCLUDE, null, null, Context.NONE).getValue();
  }
}
