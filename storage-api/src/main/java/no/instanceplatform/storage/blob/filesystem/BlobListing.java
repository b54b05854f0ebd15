package no.instanceplatform.storage.blob.filesystem;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.instanceplatform.storage.blob.BlobNames;
import no.instanceplatform.storage.blob.BlobStore.StoredBlob;
import no.instanceplatform.storage.blob.BlobStoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the blobs of a {@link FileSystemBlobStore} lazily, one folder at a time, so that memory holds one folder's
 * entries, never the whole store. Files and folders removed while the walk goes on are passed over; temporary files
 * (their names hold {@code ~}) are not blobs.
 */
final class BlobListing {

  private static final Logger log = LoggerFactory.getLogger(BlobListing.class);

  private final Path root;

  BlobListing(Path root) {
    this.root = root;
  }

  Stream<StoredBlob> olderThan(Instant cutoff) {
    return entries(root).stream()
        .filter(folder -> Files.isDirectory(folder, NOFOLLOW_LINKS)
            && BlobNames.isOrg(folder.getFileName().toString()))
        .flatMap(orgRoot -> files(orgRoot).flatMap(file -> blob(orgRoot, file, cutoff).stream()));
  }

  private static Stream<Path> files(Path folder) {
    return entries(folder).stream().flatMap(entry -> Files.isDirectory(entry, NOFOLLOW_LINKS) ? files(entry)
        : Stream.of(entry));
  }

  private static Optional<StoredBlob> blob(Path orgRoot, Path file, Instant cutoff) {
    String name = BlobFolders.nameOf(orgRoot, file);
    if (!BlobNames.isName(name)) {
      return Optional.empty();
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW_LINKS);
      Instant modified = attributes.lastModifiedTime().toInstant();
      return attributes.isRegularFile() && modified.isBefore(cutoff)
          ? Optional.of(new StoredBlob(orgRoot.getFileName().toString(), name, modified)) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty(); // deleted meanwhile
    } catch (IOException e) {
      throw unavailable(file, e);
    }
  }

  /** A folder's entries, read at once (a folder that is gone has none). */
  private static List<Path> entries(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw unavailable(folder, e);
    }
  }

  private static BlobStoreUnavailableException unavailable(Path path, IOException e) {
    log.warn("The file blob store could not list {}: {}", path, e.toString());
    return new BlobStoreUnavailableException(e);
  }
}
