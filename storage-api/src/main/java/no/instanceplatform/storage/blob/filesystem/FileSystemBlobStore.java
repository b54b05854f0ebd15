package no.instanceplatform.storage.blob.filesystem;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
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
 * blob name, so these can never be mistaken for blobs, and a cleanup job is to remove the stale ones (those older
 * than any upload may take). Empty folders are removed after deletes.
 *
 * <p>The file system cannot hold both a blob {@code a/b} and a blob {@code a/b/c}; Storage's names never do that,
 * and such a put is refused as a bug ({@link IllegalArgumentException}).
 */
public class FileSystemBlobStore implements BlobStore {

  private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

  /** Ends the name of a file being written. */
  public static final String PARTIAL_SUFFIX = ".partial";

  /** Separates a temporary file's blob name from its random part; never part of a blob name. */
  private static final char PARTIAL_MARK = '~';

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int DIRECTORY_ATTEMPTS = 3;

  private final Path root;

  /** A store under {@code root}, which is created with the first blob. */
  public FileSystemBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The folder that holds every owner's folder. */
  public Path root() {
    return root;
  }

  /**
   * Whether blobs can be written: the root is a writable folder, or does not exist yet and its nearest existing
   * ancestor is one (the first put creates it).
   */
  public boolean writable() {
    Path existing = root;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
  }

  @Override
  public long put(String org, String name, InputStream content, long maxBytes) {
    Path target = blobPath(org, name);
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
      syncDirectory(target.getParent());
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
    Path target = blobPath(org, name);
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
    Path target = blobPath(org, name);
    if (!Files.isRegularFile(target, NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      boolean deleted = Files.deleteIfExists(target);
      if (deleted) {
        pruneEmptyFolders(target.getParent(), orgRoot(org));
      }
      return deleted;
    } catch (IOException e) {
      throw unavailable("delete", target, e);
    }
  }

  @Override
  public int deleteByPrefix(String org, String prefix) {
    Path orgRoot = orgRoot(org);
    BlobNames.requirePrefix(prefix);
    int lastSlash = prefix.lastIndexOf('/');
    // Only the folder of the prefix's whole segments can hold matching blobs.
    Path start = lastSlash < 0 ? orgRoot : inside(orgRoot, prefix.substring(0, lastSlash));
    if (!Files.isDirectory(start, NOFOLLOW_LINKS)) {
      return 0;
    }
    PrefixDeletion deletion = new PrefixDeletion(orgRoot, start, prefix);
    try {
      Files.walkFileTree(start, deletion);
    } catch (IOException e) {
      throw unavailable("delete by prefix in", start, e);
    }
    pruneEmptyFolders(start, orgRoot);
    return deletion.deleted;
  }

  /** Deletes the blobs under a folder whose names start with the prefix, then the folders left empty. */
  private static final class PrefixDeletion extends SimpleFileVisitor<Path> {

    private final Path orgRoot;
    private final Path start;
    private final String prefix;
    private int deleted;

    PrefixDeletion(Path orgRoot, Path start, String prefix) {
      this.orgRoot = orgRoot;
      this.start = start;
      this.prefix = prefix;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
      if (dir.equals(start)) {
        return FileVisitResult.CONTINUE;
      }
      String folder = nameOf(orgRoot, dir) + "/";
      return folder.startsWith(prefix) || prefix.startsWith(folder) ? FileVisitResult.CONTINUE
          : FileVisitResult.SKIP_SUBTREE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      String name = nameOf(orgRoot, file);
      // Temporary files (their names hold '~') belong to puts under way.
      if (attributes.isRegularFile() && BlobNames.isName(name) && name.startsWith(prefix)
          && Files.deleteIfExists(file)) {
        deleted++;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      if (e instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE; // deleted meanwhile
      }
      throw e;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
      if (e != null && !(e instanceof NoSuchFileException)) {
        throw e;
      }
      if (!dir.equals(start)) {
        deleteIfEmpty(dir);
      }
      return FileVisitResult.CONTINUE;
    }
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
        Path blobInTheWay = blobInTheWay(orgRoot(org), dir);
        if (blobInTheWay != null) {
          throw new IllegalArgumentException("The blob name " + nameOf(orgRoot(org), target) + " of " + org
              + " has the blob " + nameOf(orgRoot(org), blobInTheWay) + " as a folder");
        }
        throw unavailable("create a file in", dir, e);
      }
    }
  }

  /** A file where the folder would need a folder, if there is one. */
  private static Path blobInTheWay(Path orgRoot, Path dir) {
    for (Path folder = dir; folder != null && folder.startsWith(orgRoot); folder = folder.getParent()) {
      if (Files.isRegularFile(folder, NOFOLLOW_LINKS)) {
        return folder;
      }
    }
    return null;
  }

  private Path orgRoot(String org) {
    return inside(root, BlobNames.requireOrg(org));
  }

  private Path blobPath(String org, String name) {
    return inside(orgRoot(org), BlobNames.requireName(name));
  }

  /** {@code folder/relative}, refused unless it lies strictly inside the folder once normalized. */
  private static Path inside(Path folder, String relative) {
    Path resolved;
    try {
      resolved = folder.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      // A name the checks let through that the platform's file names cannot hold (æøå under a non-UTF-8 locale).
      throw new IllegalArgumentException("The file system cannot hold the blob name " + relative
          + "; run Storage with a UTF-8 locale (LANG=C.UTF-8)", e);
    }
    if (!resolved.startsWith(folder) || resolved.equals(folder)) {
      throw new IllegalArgumentException("The blob name " + relative + " leaves its folder");
    }
    return resolved;
  }

  /** The blob name of a path under an owner's folder: its segments joined by slashes, whatever the platform. */
  private static String nameOf(Path orgRoot, Path path) {
    StringJoiner name = new StringJoiner("/");
    for (Path segment : orgRoot.relativize(path)) {
      name.add(segment.toString());
    }
    return name.toString();
  }

  /** Removes the folder and its ancestors below the owner's folder as long as they are empty. */
  private static void pruneEmptyFolders(Path dir, Path orgRoot) {
    for (Path folder = dir; folder != null && folder.startsWith(orgRoot) && !folder.equals(orgRoot);
        folder = folder.getParent()) {
      if (!deleteIfEmpty(folder)) {
        return;
      }
    }
  }

  private static boolean deleteIfEmpty(Path dir) {
    try {
      Files.delete(dir);
      return true;
    } catch (DirectoryNotEmptyException | NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      log.debug("Could not remove the empty folder {}: {}", dir, e.toString());
      return false;
    }
  }

  /** Makes the rename durable: on Linux and macOS a folder's entries reach the disk when the folder is synced. */
  private static void syncDirectory(Path dir) {
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // Windows cannot open a folder; there the rename is as durable as the platform makes it.
      log.trace("Could not sync the folder {}: {}", dir, e.toString());
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
