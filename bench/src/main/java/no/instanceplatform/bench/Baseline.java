package no.instanceplatform.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.instanceplatform.storage.blob.BlobStoreProperties;
import no.instanceplatform.storage.blob.azure.AzureServiceClients;
import no.instanceplatform.testkit.ServiceProcess;

/**
 * The same bytes written to and read from the same blob store directly, without Storage: what Storage's figures
 * are compared with. Each upload writes a new blob and each download reads it back into the caller's array.
 */
interface Baseline extends AutoCloseable {

  /** What the baseline does, for the report. */
  String description();

  /** Writes {@code content} as a new blob, durably as far as the store promises. */
  void upload(String name, byte[] content);

  /** Reads blob {@code name} into {@code into}; answers how many bytes it had. */
  long download(String name, byte[] into);

  void delete(String name);

  @Override
  void close();

  /**
   * Files through java.nio, as Storage's file system store writes them: a {@link FileChannel} written and forced to
   * disk ({@code force(true)}, Storage's durability), read back with {@link Files#newInputStream}. The folder is
   * in the same file system as Storage's data folder (both under {@code java.io.tmpdir}).
   */
  final class FileSystem implements Baseline {

    private final Path folder;

    FileSystem() {
      this.folder = ServiceProcess.temporaryDirectory("bench-");
    }

    @Override
    public String description() {
      return "java.nio: FileChannel write + force(true); Files.newInputStream read (" + folder.getParent() + ")";
    }

    @Override
    public void upload(String name, byte[] content) {
      try (FileChannel out = FileChannel.open(folder.resolve(name), StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public long download(String name, byte[] into) {
      try (InputStream in = Files.newInputStream(folder.resolve(name))) {
        return readAll(in, into);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void delete(String name) {
      try {
        Files.deleteIfExists(folder.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      ServiceProcess.deleteRecursively(folder);
    }
  }

  /**
   * Azure Blob Storage through the Azure SDK's {@link BlobClient}, built as Storage's adapter builds its client
   * ({@link AzureServiceClients}: the same transport, retries and timeouts, at Storage's defaults):
   * {@code upload(BinaryData, overwrite)} and {@code downloadStream(OutputStream)} with the SDK's defaults (one Put
   * Blob up to 256 MiB; one streamed Get Blob), in a container of its own.
   */
  final class Azure implements Baseline {

    private final BlobContainerClient container;

    Azure(String connectionString) {
      this.container = AzureServiceClients.create(new BlobStoreProperties.Azure(connectionString, "", "", "",
          Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), 3, 256))
          .getBlobContainerClient("baseline");
      container.createIfNotExists();
    }

    @Override
    public String description() {
      return "Azure SDK BlobClient: upload(BinaryData, overwrite) and downloadStream(OutputStream), SDK defaults, "
          + "over Storage's own client (AzureServiceClients: Apache's classic HTTP client, HTTP/1.1)";
    }

    @Override
    public void upload(String name, byte[] content) {
      container.getBlobClient(name).upload(BinaryData.fromBytes(content), true);
    }

    @Override
    public long download(String name, byte[] into) {
      ArrayOutput out = new ArrayOutput(into);
      container.getBlobClient(name).downloadStream(out);
      return out.count;
    }

    @Override
    public void delete(String name) {
      container.getBlobClient(name).deleteIfExists();
    }

    @Override
    public void close() {
      container.deleteIfExists();
    }
  }

  /**
   * The same files through another API (Storage's, when the App API's are measured): each upload a data element of
   * the session's data type on its instance, read back and deleted through that API.
   */
  final class ThroughApi implements Baseline {

    private final BlobBenchmark.Session session;
    private final Map<String, String> elements = new ConcurrentHashMap<>();

    ThroughApi(BlobBenchmark.Session session) {
      this.session = session;
    }

    @Override
    public String description() {
      return "the same files through " + session.client().describe() + ", data type " + session.dataType();
    }

    @Override
    public void upload(String name, byte[] content) {
      elements.put(name, session.client().upload(session.instance(), session.dataType(), session.type(),
          HttpRequest.BodyPublishers.ofByteArray(content), session.token()).id());
    }

    @Override
    public long download(String name, byte[] into) {
      return session.client().downloadInto(session.instance(), elements.get(name), session.token(), into);
    }

    @Override
    public void delete(String name) {
      session.client().delete(session.instance(), elements.remove(name), session.token());
    }

    @Override
    public void close() {
      // The elements are deleted as the rounds go; the instance stays, as every benchmark instance does.
    }
  }

  /** Reads {@code in} to its end into {@code into}; answers the bytes it had (more than fit are counted, not kept). */
  static long readAll(InputStream in, byte[] into) throws IOException {
    long count = in.readNBytes(into, 0, into.length);
    byte[] rest = new byte[8192];
    for (int n; (n = in.read(rest)) >= 0; ) {
      count += n;
    }
    return count;
  }

  /** Writes into a given array; bytes past its end are counted, not kept. */
  final class ArrayOutput extends OutputStream {

    private final byte[] into;
    long count;

    ArrayOutput(byte[] into) {
      this.into = into;
    }

    @Override
    public void write(int b) {
      if (count < into.length) {
        into[(int) count] = (byte) b;
      }
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      int fits = (int) Math.max(0, Math.min(length, into.length - count));
      System.arraycopy(bytes, offset, into, (int) count, fits);
      count += length;
    }
  }
}
