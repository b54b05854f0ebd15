package no.instanceplatform.storage.blob.filesystem;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import no.instanceplatform.storage.blob.BlobNames;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.blob.BlobStoreUnavailableException;
import no.instanceplatform.storage.blob.LimitedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded blob store: blob {@code name} of {@code org} is the file {@code {root}/{org}/{name}}, its slashes
 * folders. Names are checked ({@link BlobNames}) and the resolved path must stay under the owner's folder, so
 * no name reaches outside the root.
 *
 * <p>A blob is written to a temporary file beside it ({@code {last segment}~{random}.partial}), flushed to disk,
 * then renamed over the old one in one atomic step: a reader sees the old file or the new, and one that has the
 * old file open keeps reading it to its end. A crash leaves at most a temporary file; {@code ~} never occurs in a
 * blob name, so these can never be mistaken for blobs, and the cleanup job removes the stale ones
 * ({@link #removeAbandonedWrites}). Empty folders are removed after deletes.
 *
 * <p>The file system cannot hold both a blob {@code a/b} and a blob {@code a/b/c}; Storage's names never do that,
 * and such a put is refused as a bug ({@link IllegalArgumentException}).
 */
public class FileSystemBlobStore implements BlobStore {

  private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

  /** Ends the name of a file being written. */
  public static final String PARTIAL_SUFFIX = ".partial";

  /** Separates a temporary file's blob name from its random part; never part of a blob name. */
  static final char PARTIAL_MARK = '~';

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int DIRECTORY_ATTEMPTS = 3;

  private final BlobFolders folders;

  /** A store under {@code root}, which is created with the first blob. */
  public FileSystemBlobStore(Path root) {
    this.folders = new BlobFolders(root.toAbsolutePath().normalize());
  }

  /** The folder that holds every owner's folder. */
  public Path root() {
    return folders.root();
  }

  /**
   * Whether blobs can be written: the root is a writable folder, or does not exist yet and its nearest existing
   * ancestor is one (the first put creates it).
   */
  public boolean writable() {
    Path existing = folders.root();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
  }

  @Override
  public long put(String org, String name, InputStream content, long maxBytes) {
    Path target = folders.blobPath(org, name);
    if (Files.isDirectory(target, NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("The blob name " + name + " of " + org + " is a folder of other blobs");
    }
    LimitedInputStream limited = new LimitedInputStream(content, maxBytes);
    Path temp = createTempFile(org, target);
    boolean moved = false;
    try {
      long written;
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        written = copy(limited, out);
        out.force(true);
      }
      Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
      moved = true;
      BlobFolders.syncDirectory(target.getParent());
      return written;
    } catch (IOException e) {
      throw unavailable("write", target, e);
    } finally {
      if (!moved) {
        deleteQuietly(temp);
      }
    }
  }

  @Override
  public Optional<BlobContent> get(String org, String name) {
    Path target = folders.blobPath(org, name);
    if (!Files.isRegularFile(target, NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      FileChannel channel = FileChannel.open(target, StandardOpenOption.READ, NOFOLLOW_LINKS);
      try {
        // The size of the file opened, not of one that may replace it meanwhile.
        return Optional.of(new BlobContent(Channels.newInputStream(channel), channel.size()));
      } catch (IOException e) {
        channel.close();
        throw e;
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("read", target, e);
    }
  }

  @Override
  public boolean delete(String org, String name) {
    Path target = folders.blobPath(org, name);
    if (!Files.isRegularFile(target, NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      boolean deleted = Files.deleteIfExists(target);
      if (deleted) {
        BlobFolders.pruneEmptyFolders(target.getParent(), folders.orgRoot(org));
      }
      return deleted;
    } catch (IOException e) {
      throw unavailable("delete", target, e);
    }
  }

  @Override
  public int deleteByPrefix(String org, String prefix) {
    Path orgRoot = folders.orgRoot(org);
    BlobNames.requirePrefix(prefix);
    int lastSlash = prefix.lastIndexOf('/');
    // Only the folder of the prefix's whole segments can hold matching blobs.
    Path start = lastSlash < 0 ? orgRoot : BlobFolders.inside(orgRoot, prefix.substring(0, lastSlash));
    if (!Files.isDirectory(start, NOFOLLOW_LINKS)) {
      return 0;
    }
    PrefixDeletion deletion = new PrefixDeletion(orgRoot, start, prefix);
    try {
      Files.walkFileTree(start, deletion);
    } catch (IOException e) {
      throw unavailable("delete by prefix in", start, e);
    }
    BlobFolders.pruneEmptyFolders(start, orgRoot);
    return deletion.deleted();
  }

  @Override
  public Stream<StoredBlob> list(Instant olderThan) {
    return new BlobListing(folders.root()).olderThan(olderThan);
  }

  @Override
  public int removeAbandonedWrites(Instant olderThan) {
    if (!Files.isDirectory(folders.root(), NOFOLLOW_LINKS)) {
      return 0;
    }
    AbandonedWrites sweep = new AbandonedWrites(folders.root(), olderThan);
    try {
      Files.walkFileTree(folders.root(), sweep);
    } catch (IOException e) {
      throw unavailable("remove the temporary files under", folders.root(), e);
    }
    return sweep.deleted();
  }

  private static long copy(LimitedInputStream content, FileChannel out) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long written = 0;
    int n;
    do {
      n = content.readFully(buffer);
      ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      written += n;
    } while (n == buffer.length);
    return written;
  }

  /**
   * A new temporary file in the blob's folder (the rename is atomic only within one file system). A delete may
   * remove the folder between its creation and the file's, if it was empty; then it is created again.
   */
  private Path createTempFile(String org, Path target) {
    Path dir = target.getParent();
    Path temp = dir.resolve(target.getFileName().toString() + PARTIAL_MARK + UUID.randomUUID() + PARTIAL_SUFFIX);
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createDirectories(dir);
        return Files.createFile(temp);
      } catch (NoSuchFileException e) {
        if (attempt == DIRECTORY_ATTEMPTS) {
          throw unavailable("create a file in", dir, e);
        }
      } catch (IOException e) {
        Path orgRoot = folders.orgRoot(org);
        Path blobInTheWay = BlobFolders.blobInTheWay(orgRoot, dir);
        if (blobInTheWay != null) {
          throw new IllegalArgumentException("The blob name " + BlobFolders.nameOf(orgRoot, target) + " of " + org
              + " has the blob " + BlobFolders.nameOf(orgRoot, blobInTheWay) + " as a folder");
        }
        throw unavailable("create a file in", dir, e);
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the temporary file {} (the cleanup of stale *{} files will): {}", file,
          PARTIAL_SUFFIX, e.toString());
    }
  }

  private static BlobStoreUnavailableException unavailable(String action, Path path, IOException e) {
    log.warn("The file blob store could not {} {}: {}", action, path, e.toString());
    return new BlobStoreUnavailableException(e);
  }
}
