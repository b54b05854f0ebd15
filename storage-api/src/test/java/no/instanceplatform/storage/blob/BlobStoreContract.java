package no.instanceplatform.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.instanceplatform.storage.blob.BlobStore.BlobContent;
import no.instanceplatform.storage.common.StorageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every blob store must do; run once per adapter. Each test uses app owners of its own, so the adapters may
 * share a backend between tests.
 */
public abstract class BlobStoreContract {

  private static final int MIB = 1024 * 1024;

  /** Allowance for a store whose clock (Azure's) is not the test's. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  /** Names that are not blob names, each for a different rule. */
  protected static final List<String> HOSTILE_NAMES = List.of("../x", "a/../../b", "/abs", "a\\b", "a\u0000b",
      "", "a//b", "a/", ".", "..", "a/./b", "a b", "x~y.partial", "bl\u00e5", "a\nb", "x".repeat(201));

  /** Strings that are not app owners. */
  protected static final List<String> HOSTILE_ORGS = List.of("", "../x", "TTD", "t/d", "1ab", "t\u0000d", ".",
      "t-d");

  private final Random random = new Random();

  protected BlobStore store;
  protected String org;
  protected String otherOrg;

  /** The store under test, empty or at least without blobs of orgs it has not seen. */
  protected abstract BlobStore newStore();

  /**
   * Whether a replacement may make a reader that had begun fail (instead of letting it finish the old content).
   * Either way a reader never gets a mix of the two.
   */
  protected boolean aReplacementMayInterruptAReader() {
    return false;
  }

  @BeforeEach
  void newStoreAndOrgs() {
    store = newStore();
    org = "ttd" + letters(8);
    otherOrg = "brg" + letters(8);
  }

  @Test
  void aPutBlobIsReadBackWithItsSize() {
    byte[] content = "Hello, blob.".getBytes(StandardCharsets.UTF_8);

    long written = store.put(org, "ttd/app/i1/data/d1", new ByteArrayInputStream(content), 1000);

    assertThat(written).isEqualTo(content.length);
    BlobContent blob = store.get(org, "ttd/app/i1/data/d1").orElseThrow();
    assertThat(blob.size()).isEqualTo(content.length);
    assertThat(readAll(blob)).isEqualTo(content);
  }

  @Test
  void anEmptyBlobIsStoredAndReadBackEmpty() {
    long written = store.put(org, "empty", InputStream.nullInputStream(), 0);

    assertThat(written).isZero();
    BlobContent blob = store.get(org, "empty").orElseThrow();
    assertThat(blob.size()).isZero();
    assertThat(readAll(blob)).isEmpty();
  }

  @Test
  void aBlobOfSeveralMegabytesIsReadBackIdentical() {
    byte[] content = randomBytes(9 * MIB + 123);

    long written = store.put(org, "big", new ByteArrayInputStream(content), 10 * MIB);

    assertThat(written).isEqualTo(content.length);
    BlobContent blob = store.get(org, "big").orElseThrow();
    assertThat(blob.size()).isEqualTo(content.length);
    assertThat(sha256(blob)).isEqualTo(sha256(content));
  }

  @Test
  void aStreamOfUnknownLengthOfTwentyMegabytesIsStored() {
    GeneratedContent content = new GeneratedContent(20 * MIB + 7, 42);

    long written = store.put(org, "stream", content, 25L * MIB);

    assertThat(written).isEqualTo(20 * MIB + 7);
    BlobContent blob = store.get(org, "stream").orElseThrow();
    assertThat(blob.size()).isEqualTo(20 * MIB + 7);
    assertThat(sha256(blob)).isEqualTo(content.sha256());
  }

  @Test
  void contentOfExactlyTheLimitIsStored() {
    store.put(org, "exact", new ByteArrayInputStream(new byte[10]), 10);

    assertThat(store.get(org, "exact").orElseThrow().size()).isEqualTo(10);
  }

  @Test
  void aPutReplacesTheBlob() {
    store.put(org, "doc", bytes("old"), 100);

    long written = store.put(org, "doc", bytes("newer"), 100);

    assertThat(written).isEqualTo(5);
    assertThat(text(store.get(org, "doc").orElseThrow())).isEqualTo("newer");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aReaderDuringReplacementsSeesTheOldOrTheNewContentEntirely() throws Exception {
    byte[] first = randomBytes(9 * MIB);
    byte[] second = randomBytes(9 * MIB + 1000);
    Set<String> versions = Set.of(sha256(first), sha256(second));
    store.put(org, "replaced", new ByteArrayInputStream(first), 10 * MIB);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger completeReads = new AtomicInteger();
    AtomicInteger interruptedReads = new AtomicInteger();
    ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();

    // A thread of its own: a reader blocking the common pool would starve the JDK HTTP client, which completes its
    // asynchronous exchanges there (the Azure SDK's sync calls wait on those).
    ExecutorService readerThread = Executors.newSingleThreadExecutor();
    Future<?> reader = readerThread.submit(() -> {
      while (writing.get() || completeReads.get() == 0) {
        BlobContent blob = store.get(org, "replaced").orElseThrow();
        try (InputStream stream = blob.stream()) {
          Read read = read(stream);
          if (!versions.contains(read.sha256()) || read.length() != blob.size()) {
            mixed.add(read.length() + " bytes of " + blob.size() + ", sha256 " + read.sha256());
          }
          completeReads.incrementAndGet();
        } catch (StorageException e) {
          interruptedReads.incrementAndGet();
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    });
    try {
      for (int i = 0; i < 6; i++) {
        byte[] next = i % 2 == 0 ? second : first;
        store.put(org, "replaced", new ByteArrayInputStream(next), 10 * MIB);
      }
    } finally {
      writing.set(false);
      readerThread.shutdown();
    }
    reader.get(60, TimeUnit.SECONDS);

    assertThat(mixed).as("reads that were neither version").isEmpty();
    assertThat(completeReads.get()).isPositive();
    if (!aReplacementMayInterruptAReader()) {
      assertThat(interruptedReads.get()).isZero();
    }
    assertThat(sha256(store.get(org, "replaced").orElseThrow())).isEqualTo(sha256(first));
  }

  @Test
  void contentPastTheLimitIsRefusedAndLeavesThePreviousBlob() {
    store.put(org, "doc", bytes("previous"), 100);

    assertThatThrownBy(() -> store.put(org, "doc", new ByteArrayInputStream(new byte[11]), 10))
        .isInstanceOfSatisfying(BlobTooLargeException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.TOO_LARGE));

    assertThat(text(store.get(org, "doc").orElseThrow())).isEqualTo("previous");
  }

  @Test
  void largeContentPastTheLimitLeavesThePreviousBlobUntouched() {
    byte[] previous = randomBytes(5 * MIB);
    store.put(org, "doc", new ByteArrayInputStream(previous), 6 * MIB);

    assertThatThrownBy(() -> store.put(org, "doc", new GeneratedContent(9 * MIB, 7), 6 * MIB))
        .isInstanceOf(BlobTooLargeException.class);

    BlobContent blob = store.get(org, "doc").orElseThrow();
    assertThat(blob.size()).isEqualTo(previous.length);
    assertThat(sha256(blob)).isEqualTo(sha256(previous));
  }

  @Test
  void contentPastTheLimitLeavesNoNewBlob() {
    assertThatThrownBy(() -> store.put(org, "small", new ByteArrayInputStream(new byte[11]), 10))
        .isInstanceOf(BlobTooLargeException.class);
    assertThatThrownBy(() -> store.put(org, "large", new GeneratedContent(9 * MIB, 7), 6 * MIB))
        .isInstanceOf(BlobTooLargeException.class);

    assertThat(store.get(org, "small")).isEmpty();
    assertThat(store.get(org, "large")).isEmpty();
    assertThat(store.deleteByPrefix(org, "s")).isZero();
    assertThat(store.deleteByPrefix(org, "l")).isZero();
  }

  @Test
  void contentThatBreaksOffIsTheCallersFailureAndLeavesThePreviousBlob() {
    store.put(org, "doc", bytes("previous"), 100);
    InputStream breaksOff = new SequenceInputStream(new GeneratedContent(5 * MIB, 9), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("the client went away");
      }
    });

    assertThatThrownBy(() -> store.put(org, "doc", breaksOff, 10 * MIB)).isInstanceOf(UncheckedIOException.class);

    assertThat(text(store.get(org, "doc").orElseThrow())).isEqualTo("previous");
  }

  /** Sizes of one block and of several in Azure, each sent as it is read where a store can. */
  @Test
  void contentOfADeclaredLengthIsStoredWhole() {
    for (int size : new int[] {1, 100 * 1024, 4 * MIB - 1, 4 * MIB, 9 * MIB + 3}) {
      byte[] content = randomBytes(size);

      long written = store.put(org, "declared/" + size, new ByteArrayInputStream(content), size, 10 * MIB);

      assertThat(written).as("size %d", size).isEqualTo(size);
      BlobContent blob = store.get(org, "declared/" + size).orElseThrow();
      assertThat(blob.size()).isEqualTo(size);
      assertThat(sha256(blob)).as("size %d", size).isEqualTo(sha256(content));
    }
  }

  @Test
  void contentEndingBeforeItsDeclaredLengthIsTheCallersFailureAndLeavesThePreviousBlob() {
    store.put(org, "doc", bytes("previous"), 100);

    for (int size : new int[] {100 * 1024, 9 * MIB}) {
      assertThatThrownBy(() -> store.put(org, "doc", new ByteArrayInputStream(randomBytes(size - 1)), size,
          10 * MIB)).as("size %d", size).isInstanceOf(UncheckedIOException.class);
      assertThatThrownBy(() -> store.put(org, "new/" + size, new ByteArrayInputStream(randomBytes(size - 1)), size,
          10 * MIB)).as("size %d", size).isInstanceOf(UncheckedIOException.class);
    }

    assertThat(text(store.get(org, "doc").orElseThrow())).isEqualTo("previous");
    assertThat(store.deleteByPrefix(org, "new/")).isZero();
  }

  /** Read once more, the content would go on: a store that sent it again would keep a file with a gap. */
  @Test
  void aFailureToReadContentOfADeclaredLengthIsNotRetried() {
    store.put(org, "doc", bytes("previous"), 100);
    AtomicBoolean failed = new AtomicBoolean();
    InputStream failsOnce = new SequenceInputStream(new GeneratedContent(512 * 1024, 3), new InputStream() {
      @Override
      public int read() throws IOException {
        if (failed.compareAndSet(false, true)) {
          throw new IOException("the client went away");
        }
        return 'x';
      }
    });

    assertThatThrownBy(() -> store.put(org, "doc", failsOnce, MIB, 10 * MIB))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(text(store.get(org, "doc").orElseThrow())).isEqualTo("previous");
  }

  @Test
  void aDeclaredLengthPastTheLimitIsRefusedBeforeAByteIsRead() {
    InputStream unread = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("read");
      }
    };

    assertThatThrownBy(() -> store.put(org, "doc", unread, 11, 10)).isInstanceOf(BlobTooLargeException.class);
    assertThatThrownBy(() -> store.put(org, "doc", unread, 9 * MIB, 6 * MIB))
        .isInstanceOf(BlobTooLargeException.class);
    assertThat(store.get(org, "doc")).isEmpty();
  }

  @Test
  void aMissingBlobIsEmpty() {
    store.put(org, "present", bytes("x"), 10);

    assertThat(store.get(org, "absent")).isEmpty();
    assertThat(store.get(org, "present/below")).isEmpty();
    assertThat(store.get(otherOrg, "present")).as("an org without any blob").isEmpty();
  }

  @Test
  void deleteAnswersWhetherThereWasABlob() {
    store.put(org, "ttd/app/i1/data/d1", bytes("x"), 10);

    assertThat(store.delete(org, "ttd/app/i1/data/d1")).isTrue();

    assertThat(store.get(org, "ttd/app/i1/data/d1")).isEmpty();
    assertThat(store.delete(org, "ttd/app/i1/data/d1")).isFalse();
    assertThat(store.delete(org, "ttd/app")).as("a folder of blobs is no blob").isFalse();
    assertThat(store.delete(otherOrg, "never")).as("an org without any blob").isFalse();
  }

  @Test
  void aBlobCanBeWrittenAgainAfterItsDeletion() {
    store.put(org, "ttd/app/i1/data/d1", bytes("first"), 10);
    store.delete(org, "ttd/app/i1/data/d1");

    store.put(org, "ttd/app/i1/data/d1", bytes("second"), 10);

    assertThat(text(store.get(org, "ttd/app/i1/data/d1").orElseThrow())).isEqualTo("second");
  }

  @Test
  void deleteByPrefixRemovesExactlyThePrefixedBlobsOfThatOrg() {
    List<String> prefixed = List.of("ttd/app/i1/data/d1", "ttd/app/i1/data/d2", "ttd/app/i1/x");
    List<String> others = List.of("ttd/app/i10/data/d3", "ttd/app/i2/data/d4", "ttd/app/i1.txt",
        "ttd/other/i1/d5");
    for (String name : prefixed) {
      store.put(org, name, bytes(name), 100);
      store.put(otherOrg, name, bytes(name), 100);
    }
    for (String name : others) {
      store.put(org, name, bytes(name), 100);
    }

    int deleted = store.deleteByPrefix(org, "ttd/app/i1/");

    assertThat(deleted).isEqualTo(prefixed.size());
    for (String name : prefixed) {
      assertThat(store.get(org, name)).as(name).isEmpty();
      assertThat(text(store.get(otherOrg, name).orElseThrow())).as("the other org's " + name).isEqualTo(name);
    }
    for (String name : others) {
      assertThat(text(store.get(org, name).orElseThrow())).as(name).isEqualTo(name);
    }
    assertThat(store.deleteByPrefix(org, "ttd/app/i1/")).isZero();
  }

  @Test
  void aPrefixMayEndInsideASegment() {
    store.put(org, "ttd/app/i1/d", bytes("1"), 10);
    store.put(org, "ttd/app/i10/d", bytes("10"), 10);
    store.put(org, "ttd/app/j1/d", bytes("j"), 10);

    assertThat(store.deleteByPrefix(org, "ttd/app/i1")).isEqualTo(2);

    assertThat(store.get(org, "ttd/app/j1/d")).isPresent();
    assertThat(store.deleteByPrefix(otherOrg, "ttd/")).as("an org without any blob").isZero();
  }

  @Test
  void namesWithEveryAllowedCharacterWork() {
    List<String> names = List.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ/abcdefghijklmnopqrstuvwxyz/0123456789",
        "._-/-_./.hidden/.../x.y-z_", "a/b/c/d/e/f/g/h/i/j/k", "x".repeat(200),
        "ttd/sailor-app/0b2f6c0e-8a3e-4a1c-9d1e-7d1f2d3c4b5a/data/5c9f1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    for (String name : names) {
      store.put(org, name, bytes(name), 1000);
    }

    for (String name : names) {
      assertThat(text(store.get(org, name).orElseThrow())).as(name).isEqualTo(name);
    }
    for (String name : names) {
      assertThat(store.delete(org, name)).as(name).isTrue();
    }
  }

  @Test
  void eachOrgHasItsOwnBlobs() {
    String shortOrg = "x" + letters(1);
    String nordicOrg = "bø" + letters(4) + "æå";
    for (String owner : List.of(org, otherOrg, shortOrg, nordicOrg)) {
      store.put(owner, "same/name", bytes("of " + owner), 100);
    }

    assertThat(store.delete(org, "same/name")).isTrue();

    assertThat(store.get(org, "same/name")).isEmpty();
    for (String owner : List.of(otherOrg, shortOrg, nordicOrg)) {
      assertThat(text(store.get(owner, "same/name").orElseThrow())).isEqualTo("of " + owner);
      assertThat(store.deleteByPrefix(owner, "same/")).isEqualTo(1);
    }
  }

  @Test
  void namesOrgsAndPrefixesThatBreakTheRulesAreRefused() {
    for (String name : HOSTILE_NAMES) {
      assertThatThrownBy(() -> store.put(org, name, bytes("x"), 10)).as(name)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.get(org, name)).as(name).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.delete(org, name)).as(name).isInstanceOf(IllegalArgumentException.class);
    }
    for (String owner : HOSTILE_ORGS) {
      assertThatThrownBy(() -> store.put(owner, "x", bytes("x"), 10)).as(owner)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.get(owner, "x")).as(owner).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.delete(owner, "x")).as(owner).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.deleteByPrefix(owner, "x")).as(owner)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String prefix : List.of("", "/", "/a", "../", "a//", "a/../b", "a\\", "..", "a/..", "a~")) {
      assertThatThrownBy(() -> store.deleteByPrefix(org, prefix)).as(prefix)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void everyBlobOfEveryOrgWrittenBeforeTheCutoffIsListed() {
    Instant start = Instant.now().minus(CLOCK_SKEW);
    store.put(org, "ttd/app/i1/data/d1", bytes("1"), 10);
    store.put(org, "ttd/app/i2/data/d2", bytes("22"), 10);
    store.put(otherOrg, "ttd/app/i1/data/d1", bytes("3"), 10);

    List<BlobStore.StoredBlob> listed = listed(Instant.now().plus(CLOCK_SKEW));

    assertThat(listed).extracting(BlobStore.StoredBlob::org, BlobStore.StoredBlob::name).containsExactlyInAnyOrder(
        tuple(org, "ttd/app/i1/data/d1"), tuple(org, "ttd/app/i2/data/d2"), tuple(otherOrg, "ttd/app/i1/data/d1"));
    assertThat(listed).allSatisfy(blob -> assertThat(blob.lastModified())
        .isBetween(start.minus(CLOCK_SKEW), Instant.now().plus(CLOCK_SKEW)));
    assertThat(listed(start.minus(CLOCK_SKEW))).as("nothing written before the cutoff").isEmpty();
  }

  @Test
  void aBlobIsListedOnceWrittenAndNoLongerOnceDeleted() {
    assertThat(listed(Instant.now().plus(CLOCK_SKEW))).isEmpty();
    store.put(org, "ttd/app/i1/data/d1", bytes("1"), 10);
    assertThatThrownBy(() -> store.put(org, "ttd/app/i1/data/d2", new ByteArrayInputStream(new byte[11]), 10))
        .isInstanceOf(BlobTooLargeException.class);

    assertThat(listed(Instant.now().plus(CLOCK_SKEW))).extracting(BlobStore.StoredBlob::name)
        .containsExactly("ttd/app/i1/data/d1");
    store.delete(org, "ttd/app/i1/data/d1");
    assertThat(listed(Instant.now().plus(CLOCK_SKEW))).isEmpty();
  }

  @Test
  void removingAbandonedWritesNeverRemovesABlob() {
    store.put(org, "ttd/app/i1/data/d1", bytes("kept"), 10);

    store.removeAbandonedWrites(Instant.now().plus(CLOCK_SKEW));

    assertThat(text(store.get(org, "ttd/app/i1/data/d1").orElseThrow())).isEqualTo("kept");
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /** This test's blobs (its two orgs') listed as written before the cutoff; other tests may share the backend. */
  private List<BlobStore.StoredBlob> listed(Instant olderThan) {
    try (Stream<BlobStore.StoredBlob> blobs = store.list(olderThan)) {
      return blobs.filter(blob -> blob.org().equals(org) || blob.org().equals(otherOrg)).toList();
    }
  }

  protected static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  protected static String text(BlobContent blob) {
    return new String(readAll(blob), StandardCharsets.UTF_8);
  }

  protected static byte[] readAll(BlobContent blob) {
    try (InputStream stream = blob.stream()) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  protected static String sha256(BlobContent blob) {
    try (InputStream stream = blob.stream()) {
      return read(stream).sha256();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  protected static String sha256(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  private byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private String letters(int count) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < count; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }

  private record Read(long length, String sha256) {}

  private static Read read(InputStream stream) throws IOException {
    DigestInputStream digesting = new DigestInputStream(stream, digest());
    long length = digesting.transferTo(OutputStream.nullOutputStream());
    return new Read(length, HexFormat.of().formatHex(digesting.getMessageDigest().digest()));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Content made up as it is read, of a length it does not tell ({@code available()} is 0), so a store cannot
   * learn the size up front; it digests what it hands out.
   */
  protected static final class GeneratedContent extends InputStream {

    private final long size;
    private final Random random;
    private final MessageDigest digest = digest();
    private final byte[] chunk = new byte[8192];
    private long position;

    protected GeneratedContent(long size, long seed) {
      this.size = size;
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(Math.min(length, chunk.length), size - position);
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, buffer, offset, n);
      digest.update(buffer, offset, n);
      position += n;
      return n;
    }

    /** The digest of everything read; meaningful once the whole content has been read. */
    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
