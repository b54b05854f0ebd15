package no.instanceplatform.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import no.instanceplatform.storage.blob.filesystem.FileSystemBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTests extends BlobStoreContract {

  @TempDir
  Path temp;

  private Path root;

  @Override
  protected BlobStore newStore() {
    root = temp.resolve("data/blobs");
    return new FileSystemBlobStore(root);
  }

  @Test
  void aBlobIsAFileUnderItsOrgsFolder() throws IOException {
    store.put(org, "ttd/app/i1/data/d1", bytes("content"), 100);

    assertThat(Files.readString(root.resolve(org).resolve("ttd/app/i1/data/d1"))).isEqualTo("content");
  }

  @Test
  void hostileNamesWriteNothingAnywhere() throws IOException {
    Path outside = temp.resolve("outside");
    Files.createDirectories(outside);
    List<String> names = Stream.concat(HOSTILE_NAMES.stream(),
        Stream.of("../../outside/x", "../" + org + "x/y", "a/../../../outside/y")).toList();

    for (String name : names) {
      assertThatThrownBy(() -> store.put(org, name, bytes("x"), 10)).as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String owner : Stream.concat(HOSTILE_ORGS.stream(), Stream.of("../outside", "..")).toList()) {
      assertThatThrownBy(() -> store.put(owner, "x", bytes("x"), 10)).as(owner)
          .isInstanceOf(IllegalArgumentException.class);
    }

    assertThat(filesUnder(temp)).isEmpty();
  }

  @Test
  void aFailedPutLeavesNoTemporaryFile() throws IOException {
    store.put(org, "doc", bytes("previous"), 100);

    assertThatThrownBy(() -> store.put(org, "doc", new GeneratedContent(1_000_000, 3), 999_999))
        .isInstanceOf(BlobTooLargeException.class);
    assertThatThrownBy(() -> store.put(org, "new/doc", new ByteArrayInputStream(new byte[11]), 10))
        .isInstanceOf(BlobTooLargeException.class);

    assertThat(filesUnder(root)).containsExactly(root.resolve(org).resolve("doc"));
  }

  @Test
  void deletesRemoveTheFoldersTheyLeaveEmpty() throws IOException {
    store.put(org, "ttd/app/i1/data/d1", bytes("1"), 10);
    store.put(org, "ttd/app/i2/data/d2", bytes("2"), 10);
    store.put(org, "ttd/app/i3/data/d3", bytes("3"), 10);

    store.delete(org, "ttd/app/i1/data/d1");
    store.deleteByPrefix(org, "ttd/app/i2/");

    try (Stream<Path> folders = Files.walk(root.resolve(org).resolve("ttd/app"), 1)) {
      assertThat(folders.skip(1).toList()).containsExactly(root.resolve(org).resolve("ttd/app/i3"));
    }
  }

  @Test
  void aBlobCannotAlsoBeAFolderOfBlobs() {
    store.put(org, "a/b", bytes("file"), 10);
    store.put(org, "c/d/e", bytes("file"), 10);

    assertThatThrownBy(() -> store.put(org, "a/b/c", bytes("x"), 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put(org, "c/d", bytes("x"), 10)).isInstanceOf(IllegalArgumentException.class);

    assertThat(text(store.get(org, "a/b").orElseThrow())).isEqualTo("file");
    assertThat(text(store.get(org, "c/d/e").orElseThrow())).isEqualTo("file");
  }

  @Test
  void theRootIsCreatedWithTheFirstBlobAndReportedWritableBefore() {
    FileSystemBlobStore files = (FileSystemBlobStore) store;

    assertThat(Files.exists(root)).isFalse();
    assertThat(files.writable()).isTrue();
    store.put(org, "x", bytes("x"), 10);
    assertThat(Files.isDirectory(root)).isTrue();
    assertThat(files.writable()).isTrue();
  }

  @Test
  void staleTemporaryFilesAreRemovedAndFreshOnesKeptButNeitherIsListed() throws IOException {
    store.put(org, "ttd/app/i1/data/d1", bytes("blob"), 10);
    Path folder = root.resolve(org).resolve("ttd/app/i1/data");
    Path stale = Files.writeString(folder.resolve("d1~" + UUID.randomUUID() + ".partial"), "crashed");
    Path strayFolder = Files.createDirectories(root.resolve(org).resolve("ttd/app/i2/data"));
    Path staleAlone = Files.writeString(strayFolder.resolve("d2~" + UUID.randomUUID() + ".partial"), "crashed");
    Path fresh = Files.writeString(folder.resolve("d3~" + UUID.randomUUID() + ".partial"), "in flight");
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    Files.setLastModifiedTime(stale, FileTime.from(anHourAgo.minusSeconds(1)));
    Files.setLastModifiedTime(staleAlone, FileTime.from(anHourAgo.minusSeconds(1)));

    try (Stream<BlobStore.StoredBlob> listed = store.list(Instant.now().plusSeconds(60))) {
      assertThat(listed.map(BlobStore.StoredBlob::name)).containsExactly("ttd/app/i1/data/d1");
    }
    int removed = store.removeAbandonedWrites(anHourAgo);

    assertThat(removed).isEqualTo(2);
    assertThat(filesUnder(root)).containsExactlyInAnyOrder(folder.resolve("d1"), fresh);
    assertThat(root.resolve(org).resolve("ttd/app/i2")).as("the folder the crash left empty").doesNotExist();
  }

  @Test
  void foldersThatAreNotAnOrgsAreNotListed() throws IOException {
    store.put(org, "ttd/app/i1/data/d1", bytes("blob"), 10);
    Files.createDirectories(root.resolve("Not-An-Org"));
    Files.writeString(root.resolve("Not-An-Org/x"), "x");
    Files.writeString(root.resolve("loose-file"), "x");

    try (Stream<BlobStore.StoredBlob> listed = store.list(Instant.now().plusSeconds(60))) {
      assertThat(listed.map(BlobStore.StoredBlob::org)).containsExactly(org);
    }
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).toList();
    }
  }
}
