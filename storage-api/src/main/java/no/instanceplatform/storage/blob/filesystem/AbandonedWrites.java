package no.instanceplatform.storage.blob.filesystem;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * Deletes the temporary files ({@code {name}~{random}.partial}) that puts interrupted by a crash left behind, those
 * last written before a cutoff (a put under way writes to its file all along), then the folders left empty.
 */
final class AbandonedWrites extends DeletingWalk {

  private final Path root;
  private final Instant cutoff;
  private int deleted;

  AbandonedWrites(Path root, Instant cutoff) {
    this.root = root;
    this.cutoff = cutoff;
  }

  /** How many temporary files the walk deleted. */
  int deleted() {
    return deleted;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
    String name = file.getFileName().toString();
    if (attributes.isRegularFile() && name.indexOf(FileSystemBlobStore.PARTIAL_MARK) > 0
        && name.endsWith(FileSystemBlobStore.PARTIAL_SUFFIX)
        && attributes.lastModifiedTime().toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
      deleted++;
    }
    return FileVisitResult.CONTINUE;
  }

  /** An owner's folder and the root stay; deeper ones left empty go (a put whose folder went makes it again). */
  @Override
  boolean mayRemove(Path folder) {
    return folder.getNameCount() > root.getNameCount() + 1;
  }
}
