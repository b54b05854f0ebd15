package no.instanceplatform.storage.blob.filesystem;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;

/**
 * A walk that deletes files while requests may delete (or write) some too: what vanished meanwhile is passed over,
 * and a folder the walk is done with goes if it is left empty and the walk may remove it.
 */
abstract class DeletingWalk extends SimpleFileVisitor<Path> {

  /** Whether the folder may be removed once empty. */
  abstract boolean mayRemove(Path folder);

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
    if (mayRemove(dir)) {
      BlobFolders.deleteIfEmpty(dir);
    }
    return FileVisitResult.CONTINUE;
  }
}
