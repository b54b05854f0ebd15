package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import no.instanceplatform.testkit.Azurite;
import no.instanceplatform.testkit.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The promise, checked end to end: "uploading and downloading a 1 GiB file works with the service started
 * with -Xmx256m". Storage runs as it is deployed, its runnable jar in a JVM of its own with {@code -Xmx256m}; a file
 * four times its heap goes up as a chunked raw body (made on the fly, never held in memory, hashed as it is sent)
 * and comes back as a stream (hashed as it arrives). In Azurite the file goes up once more with its length declared,
 * which Storage sends on to Azure as one Put Blob as it arrives. Had any layer buffered the whole file, Storage would
 * have run out of memory; the test also checks that it is still alive and never logged an OutOfMemoryError, then
 * stops it and waits for it to exit.
 *
 * <p>Sizes (MiB) are system properties, so that a quicker or a larger run is one flag away:
 * {@code -Dbench.large-file.mib} (default 1024, files on the file system) and
 * {@code -Dbench.large-file.azurite-mib} (default 256, blobs in Azurite). Azurite gets a quarter of the size to keep
 * the build's time down: it is a Node.js emulator that takes a 4 MiB block at a time, and 256 MiB is still a file
 * the size of Storage's whole heap. Without Azurite installed that case is skipped, except with {@code CI=true}.
 */
class LargeFileStreamingTests {

  private static final long MIB = 1024L * 1024L;
  private static final String HEAP = "256m";
  private static final String APP = "ttd/large";
  private static final String DATA_TYPE = "file";

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aGibibyteGoesUpAndComesBackWholeThroughA256MegabyteHeapWithFilesOnDisk() {
    long size = Long.getLong("bench.large-file.mib", 1024) * MIB;
    try (StorageServer storage = StorageServer.start(StorageServer.Config.fileSystem(HEAP))) {
      RoundTrip trip = roundTrip(storage, size, StreamedFile::body);

      Path blob = storage.blobRoot().resolve("ttd").resolve(trip.blobStoragePath());
      assertThat(blob).as("the blob on disk").isRegularFile();
      assertThat(size(blob)).isEqualTo(size);
      assertHealthyThenStop(storage);
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aFileLargerThanTheHeapGoesUpAndComesBackWholeWithBlobsInAzurite() {
    Azurite.requireForTest();
    long size = Long.getLong("bench.large-file.azurite-mib", 256) * MIB;
    try (Azurite azurite = Azurite.start();
        StorageServer storage = StorageServer.start(StorageServer.Config.azure(HEAP, azurite.connectionString()))) {
      roundTrip(storage, size, StreamedFile::body);
      roundTrip(storage, size, StreamedFile::declaredBody);

      assertHealthyThenStop(storage);
    }
  }

  /**
   * Many uploads at once, each small, must not add up to more than the heap either. Every put to Azure holds what it
   * sends in a buffer; when each took a 4 MiB block buffer, 200 uploads of 200 KiB at once at {@code -Xmx256m} ran
   * Storage out of memory: 500s, and after them no write to Azure worked at all. 200 uploads of 512 KiB (100 MiB in
   * all, more than Storage lends its puts at this heap), each pausing half-way so that they are all in Storage at
   * once, must all be stored, some after a wait for memory.
   */
  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aBurstOfUploadsIsStoredWithinA256MegabyteHeapWithBlobsInAzurite() throws Exception {
    Azurite.requireForTest();
    byte[] content = GeneratedContent.bytes(512 * 1024, 20261124L);
    try (Azurite azurite = Azurite.start();
        StorageServer storage = StorageServer.start(StorageServer.Config.azure(HEAP, azurite.connectionString()))) {
      DataClient client = new DataClient(storage.baseUrl());
      client.registerApp(APP, DATA_TYPE, client.appDeployToken("ttd"));
      String user = client.userToken(DataClient.USER);
      List<String> instances = IntStream.range(0, 200).mapToObj(i -> client.createInstance(APP, user)).toList();

      List<Future<DataClient.Element>> uploads = new ArrayList<>();
      try (ExecutorService atOnce = Executors.newVirtualThreadPerTaskExecutor()) {
        for (String instance : instances) {
          uploads.add(atOnce.submit(() -> client.upload(instance, DATA_TYPE, DataClient.FileType.BINARY,
              pausingHalfWay(content), user)));
        }
      }

      for (Future<DataClient.Element> upload : uploads) {
        assertThat(upload.get().size()).as("each upload stored whole").isEqualTo(content.length);
      }
      assertHealthyThenStop(storage);
    }
  }

  /**
   * A client that reads slowly (a phone on a poor network) must get the whole file too, however long that takes.
   * Storage writes a download in the request's thread; when it streamed downloads as asynchronous requests
   * ({@code StreamingResponseBody}), Tomcat ended them after its default async timeout of 30 s, mid-file (the client
   * got a truncated body). This reads 64 MiB at 1.5 MiB/s, well past 30 s, so it takes about 45 s and is
   * off by default: {@code -Dbench.large-file.slow-client=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "bench.large-file.slow-client", matches = "true")
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aSlowClientGetsTheWholeFileEvenAfterThirtySeconds() {
    long size = 64 * MIB;
    long bytesPerSecond = 3 * MIB / 2;
    try (StorageServer storage = StorageServer.start(StorageServer.Config.fileSystem(HEAP))) {
      DataClient client = new DataClient(storage.baseUrl());
      client.registerApp(APP, DATA_TYPE, client.appDeployToken("ttd"));
      String user = client.userToken(DataClient.USER);
      String instance = client.createInstance(APP, user);
      StreamedFile file = new StreamedFile(size, 42L);
      DataClient.Element element = client.upload(instance, DATA_TYPE, DataClient.FileType.BINARY, file.body(), user);
      String sentSha = file.sentSha256();

      long start = System.nanoTime();
      StreamedFile.Received received = client.download(instance, element.id(), user,
          body -> StreamedFile.hash(new InputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          // No faster than bytesPerSecond: wait until the bytes read so far are due.
          long due = start + read * 1_000_000_000L / bytesPerSecond;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            ServiceProcess.sleep(wait / 1_000_000);
          }
          int n = body.read(buffer, offset, Math.min(length, 64 * 1024));
          read += Math.max(n, 0);
          return n;
        }
      }));
      System.out.printf(Locale.ROOT, "Slow client: %,d of %,d bytes in %.1f s%n", received.size(), size,
          (System.nanoTime() - start) / 1e9);

      assertThat(received.size()).as("bytes downloaded by a slow client").isEqualTo(size);
      assertThat(received.sha256()).isEqualTo(sentSha);
      assertHealthyThenStop(storage);
    }
  }

  /** {@code content} with its length declared, and a pause of a second half-way through. */
  private static HttpRequest.BodyPublisher pausingHalfWay(byte[] content) {
    int half = content.length / 2;
    return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(content) {
          private boolean paused;

          @Override
          public synchronized int read(byte[] buffer, int offset, int length) {
            if (pos == half && !paused) {
              paused = true;
              ServiceProcess.sleep(1_000);
            }
            return super.read(buffer, offset, pos < half ? Math.min(length, half - pos) : length);
          }
        }), content.length);
  }

  /** What went up, what came back, and how long each took. */
  private record RoundTrip(String blobStoragePath, long uploadMillis, long downloadMillis) {}

  private static RoundTrip roundTrip(StorageServer storage, long size,
      Function<StreamedFile, HttpRequest.BodyPublisher> body) {
    DataClient client = new DataClient(storage.baseUrl());
    client.registerApp(APP, DATA_TYPE, client.appDeployToken("ttd"));
    String user = client.userToken(DataClient.USER);
    String instance = client.createInstance(APP, user);

    StreamedFile file = new StreamedFile(size, 20261123L);
    long start = System.nanoTime();
    DataClient.Element element = client.upload(instance, DATA_TYPE, DataClient.FileType.BINARY, body.apply(file),
        user);
    long uploadMillis = (System.nanoTime() - start) / 1_000_000;
    String sentSha = file.sentSha256();
    assertThat(element.size()).as("the size Storage recorded").isEqualTo(size);

    start = System.nanoTime();
    StreamedFile.Received received = client.download(instance, element.id(), user, StreamedFile::hash);
    long downloadMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(received.size()).as("bytes downloaded").isEqualTo(size);
    assertThat(received.sha256()).as("SHA-256 of the download").isEqualTo(sentSha);
    System.out.printf(Locale.ROOT, "%,d MiB with -Xmx%s: upload %.1f s (%.0f MB/s), download %.1f s (%.0f MB/s), "
            + "SHA-256 %s%n", size / MIB, HEAP, uploadMillis / 1e3, size / 1e3 / Math.max(1, uploadMillis),
        downloadMillis / 1e3, size / 1e3 / Math.max(1, downloadMillis), sentSha);
    return new RoundTrip(element.blobStoragePath(), uploadMillis, downloadMillis);
  }

  private static void assertHealthyThenStop(StorageServer storage) {
    assertThat(storage.isAlive()).as("Storage still running").isTrue();
    long pid = storage.pid();

    storage.stop();

    String log = storage.log();
    assertThat(log).as("Storage's log").doesNotContain("OutOfMemoryError");
    assertThat(storage.isAlive()).as("Storage stopped").isFalse();
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("no process left behind").isEmpty();
  }


  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
