package no.instanceplatform.storage.blob.filesystem;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.StringJoiner;
import no.instanceplatform.storage.blob.BlobNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The folders of a {@link FileSystemBlobStore}: where a blob lies (never outside its owner's), and their upkeep. */
final class BlobFolders {

  private static final Logger log = LoggerFactory.getLogger(BlobFolders.class);

  private final Path root;

  /** Folders under {@code root}, which must be absolute and normalized. */
  BlobFolders(Path root) {
    this.root = root;
  }

  /** The folder that holds every owner's folder. */
  Path root() {
    return root;
  }

  Path orgRoot(String org) {
    return inside(root, BlobNames.requireOrg(org));
  }

  Path blobPath(String org, String name) {
    return inside(orgRoot(org), BlobNames.requireName(name));
  }

  /** {@code folder/relative}, refused unless it lies strictly inside the folder once normalized. */
  static Path inside(Path folder, String relative) {
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
  static String nameOf(Path orgRoot, Path path) {
    StringJoiner name = new StringJoiner("/");
    for (Path segment : orgRoot.relativize(path)) {
      name.add(segment.toString());
    }
    return name.toString();
  }

  /** A file where the folder would need a folder, if there is one. */
  static Path blobInTheWay(Path orgRoot, Path dir) {
    for (Path folder = dir; folder != null && folder.startsWith(orgRoot); folder = folder.getParent()) {
      if (Files.isRegularFile(folder, NOFOLLOW_LINKS)) {
        return folder;
      }
    }
    return null;
  }

  /** Removes the folder and its ancestors below the owner's folder as long as they are empty. */
  static void pruneEmptyFolders(Path dir, Path orgRoot) {
    for (Path folder = dir; folder != null && folder.startsWith(orgRoot) && !folder.equals(orgRoot);
        folder = folder.getParent()) {
      if (!deleteIfEmpty(folder)) {
        return;
      }
    }
  }

  static boolean deleteIfEmpty(Path dir) {
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
  static void syncDirectory(Path dir) {
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // Windows cannot open a folder; there the rename is as durable as the platform makes it.
      log.trace("Could not sync the folder {}: {}", dir, e.toString());
    }
  }
}
