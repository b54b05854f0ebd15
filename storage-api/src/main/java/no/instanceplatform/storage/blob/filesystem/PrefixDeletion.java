package no.instanceplatform.storage.blob.filesystem;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import no.instanceplatform.storage.blob.BlobNames;

/** Deletes the blobs under a folder whose names start with the prefix, then the folders left empty. */
final class PrefixDeletion extends DeletingWalk {

  private final Path orgRoot;
  private final Path start;
  private final String prefix;
  private int deleted;

  PrefixDeletion(Path orgRoot, Path start, String prefix) {
    this.orgRoot = orgRoot;
    this.start = start;
    this.prefix = prefix;
  }

  /** How many blobs the walk deleted. */
  int deleted() {
    return deleted;
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
    if (dir.equals(start)) {
      return FileVisitResult.CONTINUE;
    }
    String folder = BlobFolders.nameOf(orgRoot, dir) + "/";
    return folder.startsWith(prefix) || prefix.startsWith(folder) ? FileVisitResult.CONTINUE
        : FileVisitResult.SKIP_SUBTREE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
    String name = BlobFolders.nameOf(orgRoot, file);
    // Temporary files (their names hold '~') belong to puts under way.
    if (attributes.isRegularFile() && BlobNames.isName(name) && name.startsWith(prefix)
        && Files.deleteIfExists(file)) {
      deleted++;
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  boolean mayRemove(Path folder) {
    return !folder.equals(start);
  }
}
