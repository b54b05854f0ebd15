package no.instanceplatform.storage.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.blob.BlobStore;
import no.instanceplatform.storage.blob.filesystem.FileSystemBlobStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What a crash between a blob and its metadata leaves behind is removed once older than the grace period (1 hour),
 * on the file system store, whose file times the test can set back. A data folder of its own, so that the counts
 * are this test's.
 */
@TestPropertySource(properties = "storage.data-dir=target/orphan-cleanup-test-data")
class OrphanBlobCleanupIntegrationTests extends IntegrationTest {

  private static final Instant TWO_HOURS_AGO = Instant.now().minus(Duration.ofHours(2));

  @Autowired
  OrphanBlobCleanup cleanup;

  @Autowired
  BlobStore blobs;

  @Autowired
  ApplicationStore applications;

  private Path root;
  private String instanceGuid;
  private String instance;

  @BeforeEach
  void anInstanceWithAFileAndAnEmptyBlobStore() throws IOException {
    root = ((FileSystemBlobStore) blobs).root();
    deleteTree(root);
    applications.upsert(TestApplications.ttdApp("test-app", null));
    JsonNode created = as(USER_1337).post("/storage/api/v1/instances?appId=ttd/test-app",
        Map.of("instanceOwner", Map.of("partyId", "501337"))).json();
    instance = "/storage/api/v1/instances/" + created.path("id").asString();
    instanceGuid = created.path("id").asString().substring("501337/".length());
  }

  @Test
  void oldBlobsWithoutMetadataAndStaleTemporaryFilesGoWhileFilesOfDataElementsAndFreshOnesStay() throws IOException {
    StorageHttp.Response file = as(USER_1337).send("POST", instance + "/data?dataType=default", "<skjema/>",
        "application/xml");
    String elementBlob = file.json().path("blobStoragePath").asString();
    String orphanOfTheInstance = put("ttd/test-app/" + instanceGuid + "/data/" + UUID.randomUUID());
    String orphanOfNoInstance = put("ttd/test-app/" + UUID.randomUUID() + "/data/" + UUID.randomUUID());
    String freshOrphan = put("ttd/test-app/" + instanceGuid + "/data/" + UUID.randomUUID());
    String notStoragesName = put("ttd/notes/readme.txt");
    Path stalePartial = Files.writeString(root.resolve("ttd").resolve(elementBlob + "~" + UUID.randomUUID()
        + ".partial"), "crashed");
    Path freshPartial = Files.writeString(root.resolve("ttd").resolve(elementBlob + "~" + UUID.randomUUID()
        + ".partial"), "in flight");
    for (String old : new String[] {elementBlob, orphanOfTheInstance, orphanOfNoInstance, notStoragesName}) {
      Files.setLastModifiedTime(root.resolve("ttd").resolve(old), FileTime.from(TWO_HOURS_AGO));
    }
    Files.setLastModifiedTime(stalePartial, FileTime.from(TWO_HOURS_AGO));

    OrphanBlobCleanup.Report report = cleanup.run();

    assertThat(report).isEqualTo(new OrphanBlobCleanup.Report(2, 1));
    assertThat(blobs.get("ttd", orphanOfTheInstance)).isEmpty();
    assertThat(blobs.get("ttd", orphanOfNoInstance)).isEmpty();
    assertThat(stalePartial).doesNotExist();
    assertThat(blobs.get("ttd", freshOrphan)).isPresent();
    assertThat(blobs.get("ttd", notStoragesName)).isPresent();
    assertThat(freshPartial).exists();
    StorageHttp.Response download = http.get(instance + "/data/" + file.json().path("id").asString());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.text()).isEqualTo("<skjema/>");
  }

  @Test
  void aBlobWhoseNameDoesNotStartWithItsStoresOrgIsNeverTouched() throws IOException {
    StorageHttp.Response file = as(USER_1337).send("POST", instance + "/data?dataType=default", "<skjema/>",
        "application/xml");
    String elementBlob = file.json().path("blobStoragePath").asString();
    blobs.put("brg", elementBlob, new ByteArrayInputStream("copy".getBytes(StandardCharsets.UTF_8)), 100);
    Files.setLastModifiedTime(root.resolve("brg").resolve(elementBlob), FileTime.from(TWO_HOURS_AGO));
    Files.setLastModifiedTime(root.resolve("ttd").resolve(elementBlob), FileTime.from(TWO_HOURS_AGO));

    assertThat(cleanup.run().orphanBlobs()).isZero();
    assertThat(blobs.get("brg", elementBlob)).as("not a name Storage makes in brg's store").isPresent();
    assertThat(blobs.get("ttd", elementBlob)).isPresent();
  }

  private String put(String name) {
    blobs.put("ttd", name, new ByteArrayInputStream("orphan".getBytes(StandardCharsets.UTF_8)), 100);
    return name;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
