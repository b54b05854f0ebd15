package no.instanceplatform.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.instanceplatform.storage.blob.azure.AzureBlobStore;
import no.instanceplatform.storage.blob.azure.AzureServiceClients;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.support.AzuriteExtension;
import no.instanceplatform.testkit.FaultProxy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The contract on Azurite, which this class starts (skipped without Azurite, except on CI). */
class AzureBlobStoreTests extends BlobStoreContract {

  @RegisterExtension
  static final AzuriteExtension azurite = new AzuriteExtension();

  private static final int MIB = 1024 * 1024;

  /** Far more than a read fetches ahead of its reader. */
  private static final int LARGE = 32 * MIB;

  private BlobServiceClient service;

  @Override
  protected BlobStore newStore() {
    service = AzureServiceClients.create(settings(azurite.connectionString(), ""));
    return new AzureBlobStore(service);
  }

  @Test
  void eachOrgIsAContainerNamedAfterItOrEncodedWhereAzureDoesNotAllowIt() {
    store.put(org, "x", bytes("x"), 10);
    store.put("tt", "x", bytes("x"), 10);
    store.put("bø", "x", bytes("x"), 10);

    assertThat(service.getBlobContainerClient(org).getBlobClient("x").exists()).isTrue();
    assertThat(service.getBlobContainerClient("org-7474").getBlobClient("x").exists()).isTrue();
    assertThat(service.getBlobContainerClient("org-62c3b8").getBlobClient("x").exists()).isTrue();
  }

  @Test
  void aContainerDeletedBehindTheStoresBackIsCreatedAgainByTheNextPut() {
    store.put(org, "x", bytes("1"), 10);
    // Azure takes a while to delete a container (a put meanwhile is unavailable); Azurite does it at once.
    service.getBlobContainerClient(org).delete();

    assertThat(store.get(org, "x")).isEmpty();
    store.put(org, "x", bytes("2"), 10);

    assertThat(text(store.get(org, "x").orElseThrow())).isEqualTo("2");

    service.getBlobContainerClient(org).delete();
    // Content of a declared length, sent as it is read: the second request sends it from the block buffer.
    store.put(org, "x", bytes("3"), 1, 10);

    assertThat(text(store.get(org, "x").orElseThrow())).isEqualTo("3");
  }

  /**
   * Breaks within the first block: of content shorter than one (1 MiB, reset after 512 KiB), and of content of
   * several (8 MiB and 7 bytes, reset after 1 MiB).
   */
  @ParameterizedTest
  @CsvSource({"1048576, 524288", "8388615, 1048576"})
  void aPutOfADeclaredLengthWhoseAttemptBreaksOffWithinItsFirstBlockIsSentAgainWhole(int length, int breakAt) {
    byte[] content = randomContent(length, 11);
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", azurite.port())) {
      AzureBlobStore proxied = new AzureBlobStore(AzureServiceClients.create(settings(proxied(proxy), "")));
      proxied.put(org, "first", bytes("1"), 1, 10);
      long connectionsBefore = proxy.connections();

      assertThat(proxied.put(org, "doc", resetAt(content, breakAt, proxy), length, 10 * MIB)).isEqualTo(length);

      assertThat(proxy.connections()).as("a second attempt").isGreaterThan(connectionsBefore);
      assertThat(sha256(store.get(org, "doc").orElseThrow())).isEqualTo(sha256(content));
    }
  }

  @Test
  void aPutOfADeclaredLengthThatBreaksOffPastItsFirstBlockFailsAndLeavesTheOldBlob() {
    byte[] content = randomContent(2 * AzureBlobStore.BLOCK_SIZE + 7, 12);
    store.put(org, "doc", bytes("old"), 3, 10);
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", azurite.port())) {
      AzureBlobStore proxied = new AzureBlobStore(AzureServiceClients.create(settings(proxied(proxy), "")));
      InputStream resetPastTheFirstBlock = resetAt(content, AzureBlobStore.BLOCK_SIZE + MIB, proxy);

      assertThatThrownBy(() -> proxied.put(org, "doc", resetPastTheFirstBlock, content.length, 10 * MIB))
          .isInstanceOfSatisfying(StorageException.class,
              e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE));
    }
    assertThat(text(store.get(org, "doc").orElseThrow())).isEqualTo("old");
  }

  /**
   * One Put Blob, where blocks would wait: by the time the client has sent a block and a half, more than one block
   * has reached the store.
   */
  @Test
  void aPutOfADeclaredLengthGoesOnToTheStoreWhileTheClientIsStillSendingIt() {
    byte[] content = randomContent(3 * AzureBlobStore.BLOCK_SIZE, 13);
    int halfWay = AzureBlobStore.BLOCK_SIZE + AzureBlobStore.BLOCK_SIZE / 2;
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", azurite.port())) {
      AzureBlobStore proxied = new AzureBlobStore(AzureServiceClients.create(settings(proxied(proxy), "")));
      proxied.put(org, "first", bytes("1"), 1, 10);
      long sentBefore = proxy.bytesSent();
      AtomicLong sentHalfWay = new AtomicLong();
      InputStream waitsHalfWay = new ChunkedStream(content) {
        @Override
        void handedOut(int total) {
          if (total == halfWay) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (proxy.bytesSent() - sentBefore <= AzureBlobStore.BLOCK_SIZE + MIB / 4
                && System.nanoTime() < deadline) {
              pause(Duration.ofMillis(20));
            }
            sentHalfWay.set(proxy.bytesSent() - sentBefore);
          }
        }
      };

      proxied.put(org, "doc", waitsHalfWay, content.length, content.length);

      assertThat(sentHalfWay.get()).isGreaterThan(AzureBlobStore.BLOCK_SIZE + MIB / 4);
      assertThat(sha256(store.get(org, "doc").orElseThrow())).isEqualTo(sha256(content));
    }
  }

  /** The try timeout bounds an attempt that stands still, not one whose body the client sends slowly. */
  @Test
  void anUploadSentOnAsTheClientSendsItMayTakeLongerThanTheTryTimeout() {
    byte[] content = randomContent(3 * MIB, 14);
    AzureBlobStore shortTries = new AzureBlobStore(AzureServiceClients.create(new BlobStoreProperties.Azure(
        azurite.connectionString(), "", "", "", Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1),
        2, 256)));
    InputStream slowly = new ChunkedStream(content) {
      @Override
      void handedOut(int total) {
        if (total % (128 * 1024) == 0) {
          pause(Duration.ofMillis(100));
        }
      }
    };
    long start = System.nanoTime();

    shortTries.put(org, "slow", slowly, content.length, content.length);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(2));
    assertThat(sha256(store.get(org, "slow").orElseThrow())).isEqualTo(sha256(content));
  }

  @Test
  void everyBlobCarriesTheContentMd5OfItsContentWhetherOnePutBlobOrBlocks() throws NoSuchAlgorithmException {
    byte[] oneBlock = "one block".getBytes(StandardCharsets.UTF_8);
    byte[] threeBlocks = randomContent(2 * AzureBlobStore.BLOCK_SIZE + 7, 6);

    store.put(org, "one", new ByteArrayInputStream(oneBlock), oneBlock.length);
    store.put(org, "three", new ByteArrayInputStream(threeBlocks), threeBlocks.length);
    store.put(org, "declared", new ByteArrayInputStream(threeBlocks), threeBlocks.length, threeBlocks.length);

    MessageDigest md5 = MessageDigest.getInstance("MD5");
    assertThat(service.getBlobContainerClient(org).getBlobClient("one").getProperties().getContentMd5())
        .isEqualTo(md5.digest(oneBlock));
    assertThat(service.getBlobContainerClient(org).getBlobClient("three").getProperties().getContentMd5())
        .isEqualTo(md5.digest(threeBlocks));
    assertThat(service.getBlobContainerClient(org).getBlobClient("declared").getProperties().getContentMd5())
        .isEqualTo(md5.digest(threeBlocks));
  }

  @Test
  void aBlobReplacedInTheMiddleOfAReadIsReadWholeAsItWasWhenTheReadBegan() throws IOException {
    GeneratedContent first = new GeneratedContent(LARGE, 1);
    store.put(org, "replaced", first, LARGE);
    GeneratedContent second = new GeneratedContent(LARGE, 2);

    MessageDigest read = sha256();
    try (InputStream stream = store.get(org, "replaced").orElseThrow().stream()) {
      read.update(stream.readNBytes(MIB));
      // Committed while most of the old version is still to come: far more than the read buffers ahead.
      store.put(org, "replaced", second, LARGE);
      stream.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), read));
    }

    assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(first.sha256());
    assertThat(sha256(store.get(org, "replaced").orElseThrow())).isEqualTo(second.sha256());
  }

  @Test
  void aLargeBlobIsFetchedOnlyAsFastAsItIsRead() throws Exception {
    store.put(org, "large", new GeneratedContent(LARGE, 3), LARGE);
    // What every thread allocated: the HTTP client's buffers for the bytes it received, wherever they went.
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getTotalThreadAllocatedBytes();

    try (InputStream stream = store.get(org, "large").orElseThrow().stream()) {
      stream.readNBytes(MIB);
      Thread.sleep(1000); // ample time for Azurite to send it all, were nothing holding it back

      // About 4 MiB (the MiB read and the read-ahead), plus what other threads of the test JVM allocated
      // meanwhile (the contexts of other test classes): half the blob still tells a bounded read from one that is not.
      assertThat(threads.getTotalThreadAllocatedBytes() - before).as("bytes allocated while the reader waits")
          .isLessThan(LARGE / 2);
      assertThat(stream.transferTo(OutputStream.nullOutputStream())).isEqualTo(LARGE - MIB);
    }
    // The measure sees the body's buffers: reading it all allocated at least its size.
    assertThat(threads.getTotalThreadAllocatedBytes() - before).isGreaterThan(LARGE);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aReadClosedBeforeItsEndReleasesItsConnectionAtOnceAndQuietly(CapturedOutput output) throws IOException {
    GeneratedContent content = new GeneratedContent(LARGE, 4);
    store.put(org, "large", content, LARGE);
    long connectionsBefore = connectionsToAzurite();

    for (int i = 0; i < 10; i++) {
      InputStream stream = store.get(org, "large").orElseThrow().stream();
      stream.readNBytes(64 * 1024);
      long start = System.nanoTime();
      stream.close();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    // A connection whose response was cancelled is closed, not kept half-read.
    assertThat(connectionsToAzurite()).isLessThanOrEqualTo(connectionsBefore + 1);
    // A client that goes away mid-download is no error of Storage's.
    assertThat(output.getAll()).doesNotContain(" ERROR ", "onErrorDropped");
    assertThat(sha256(store.get(org, "large").orElseThrow())).isEqualTo(content.sha256());
  }

  @Test
  void aResponseThatBreaksOffFailsTheReadInsteadOfBeingResumed() throws Exception {
    store.put(org, "large", new GeneratedContent(LARGE, 5), LARGE);
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", azurite.port())) {
      AzureBlobStore proxied = new AzureBlobStore(AzureServiceClients.create(settings(proxied(proxy), "")));

      try (InputStream stream = proxied.get(org, "large").orElseThrow().stream()) {
        stream.readNBytes(MIB);
        proxy.reset();
        proxy.heal();

        // A resumed read (a range request, which would now get through) could be of another version: none is made.
        assertThatThrownBy(() -> stream.transferTo(OutputStream.nullOutputStream()))
            .isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE));
      }
    }
  }

  @Test
  void aReadClosedBeforeItsEndClosesItsConnectionRatherThanReadTheRest() throws IOException {
    store.put(org, "large", new GeneratedContent(LARGE, 7), LARGE);
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", azurite.port())) {
      AzureBlobStore proxied = new AzureBlobStore(AzureServiceClients.create(settings(proxied(proxy), "")));

      for (int i = 0; i < 3; i++) {
        try (InputStream stream = proxied.get(org, "large").orElseThrow().stream()) {
          stream.readNBytes(64 * 1024);
        }
      }

      // Read to its end, a connection would have gone back to the pool and served the next read.
      assertThat(proxy.connections()).isEqualTo(3);
    }
  }

  @Test
  void aReaderThatPausesLongerThanTheReadTimeoutStillGetsTheWholeBlob() throws Exception {
    // The connection is read only when the reader reads, so the read timeout does not run while it pauses.
    AzureBlobStore impatient = new AzureBlobStore(AzureServiceClients.create(new BlobStoreProperties.Azure(
        azurite.connectionString(), "", "", "", Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(2),
        3, 256)));
    GeneratedContent content = new GeneratedContent(LARGE, 6);
    store.put(org, "large", content, LARGE);

    MessageDigest digest = sha256();
    try (InputStream stream = impatient.get(org, "large").orElseThrow().stream();
        OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      out.write(stream.readNBytes(MIB));
      Thread.sleep(2500);
      stream.transferTo(out);
    }
    assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(content.sha256());
  }

  @Test
  void anAttemptThatStallsEndsAtTheTryTimeout() {
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", azurite.port())) {
      proxy.delay(Duration.ofSeconds(20));
      AzureBlobStore stalled = new AzureBlobStore(AzureServiceClients.create(new BlobStoreProperties.Azure(
          proxied(proxy), "", "", "", Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1), 2, 256)));

      // Neither the connect timeout nor the read timeout is reached: only the try timeout ends the two attempts.
      assertUnavailableWithinSeconds(() -> stalled.put(org, "stalled", bytes("x"), 10));
      assertUnavailableWithinSeconds(() -> stalled.get(org, "large"));
    }
  }

  @Test
  void anAccountWithTheEndpointAndSharedKeyWorksLikeTheConnectionString() {
    AzureBlobStore byKey = new AzureBlobStore(AzureServiceClients.create(new BlobStoreProperties.Azure("",
        azurite.blobEndpoint(), AzuriteExtension.ACCOUNT_NAME, AzuriteExtension.ACCOUNT_KEY, Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(2), 3, 256)));

    byKey.put(org, "by/key", bytes("k"), 10);

    assertThat(text(store.get(org, "by/key").orElseThrow())).isEqualTo("k");
    byKey.ping();
  }

  @Test
  void aStoreOutOfReachFailsFastAsUnavailable() throws IOException {
    AzureBlobStore unreachable = new AzureBlobStore(AzureServiceClients.create(
        settings(azurite.connectionString().replace(":" + azurite.port() + "/", ":" + closedPort() + "/"), "")));

    assertUnavailableWithinSeconds(() -> unreachable.put(org, "x", bytes("x"), 10));
    assertUnavailableWithinSeconds(() -> unreachable.get(org, "x"));
    assertUnavailableWithinSeconds(() -> unreachable.delete(org, "x"));
    assertUnavailableWithinSeconds(() -> unreachable.deleteByPrefix(org, "x"));
    assertUnavailableWithinSeconds(() -> {
      unreachable.ping();
      return null;
    });
  }

  private static void assertUnavailableWithinSeconds(Supplier<?> call) {
    long start = System.nanoTime();
    assertThatThrownBy(call::get).isInstanceOfSatisfying(StorageException.class,
        e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  /** Azurite's connection string with its blob endpoint behind {@code proxy}. */
  private static String proxied(FaultProxy proxy) {
    return azurite.connectionString().replace(":" + azurite.port() + "/", ":" + proxy.port() + "/");
  }

  private static BlobStoreProperties.Azure settings(String connectionString, String endpoint) {
    return new BlobStoreProperties.Azure(connectionString, endpoint, "", "", Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(2), 3, 256);
  }

  /** The open TCP connections of this machine to Azurite's port (Linux only: the test is skipped elsewhere). */
  private static long connectionsToAzurite() throws IOException {
    Path table = Path.of("/proc/net/tcp");
    Assumptions.assumeTrue(Files.isReadable(table), "needs /proc/net/tcp");
    String port = String.format(":%04X", azurite.port());
    try (Stream<String> lines = Files.lines(table)) {
      // Columns: number, local address:port, remote address:port, state (01 is ESTABLISHED), ...
      return lines.skip(1).map(line -> line.trim().split("\\s+"))
          .filter(columns -> columns[2].endsWith(port) && columns[3].equals("01")).count();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A port nothing listens on: one the system just handed out and took back. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static byte[] randomContent(int length, long seed) {
    byte[] content = new byte[length];
    new Random(seed).nextBytes(content);
    return content;
  }

  /** The content, the proxy's open connections reset once {@code at} bytes of it have been handed out. */
  private static InputStream resetAt(byte[] content, int at, FaultProxy proxy) {
    return new ChunkedStream(content) {
      @Override
      void handedOut(int total) {
        if (total == at) {
          proxy.reset();
          proxy.heal();
          // The writing side takes the reset in its own time: on a busy machine it took 3.6 MiB more first (CI,
          // 2026-11-25), past the kept block. The content waits, as a client that pauses would, so that the
          // attempt breaks here and not megabytes later.
          pause(Duration.ofMillis(250));
        }
      }
    };
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Content handed out in reads that never cross a multiple of {@value #PIECE} bytes, so that every such multiple is
   * a point where {@link #handedOut} is told the total so far (the stores read content in arrays).
   */
  private abstract static class ChunkedStream extends ByteArrayInputStream {

    private static final int PIECE = 64 * 1024;

    ChunkedStream(byte[] content) {
      super(content);
    }

    /** After each read, with the bytes handed out so far. */
    abstract void handedOut(int total);

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
      int n = super.read(buffer, offset, Math.min(length, PIECE - pos % PIECE));
      if (n > 0) {
        handedOut(pos);
      }
      return n;
    }
  }
}
