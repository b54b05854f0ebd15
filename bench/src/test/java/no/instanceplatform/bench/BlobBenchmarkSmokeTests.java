package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the blob benchmark end to end on the smallest setting (one 1 MiB file, one round, files on disk) so that its
 * code cannot rot between real runs. It asserts what the run reports and that the file came back whole; it asserts
 * no timing: speed is judged by the real runs.
 */
class BlobBenchmarkSmokeTests {

  @Test
  void aSmallRunReportsUploadAndDownloadThroughStorageAndDirect(@TempDir Path results) throws Exception {
    BlobBenchmarkOptions options = new BlobBenchmarkOptions(List.of(1), List.of(BlobBenchmarkOptions.Store.FILESYSTEM),
        1, 1, 3, 2 * FileWarmUp.QUIET_BATCH, 0, "256m", 1, true, results);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    BlobReport report = BlobBenchmark.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
    report.write(results, options.resultsName());

    assertThat(report.stores()).extracting(BlobReport.StoreRun::store).containsExactly("filesystem");
    assertThat(report.storage()).contains("-Xmx256m").contains("emulator");
    assertThat(report.results()).hasSize(1);
    BlobResult result = report.results().getFirst();
    assertThat(result.sizeBytes()).isEqualTo(1024 * 1024);
    assertThat(result.rounds()).isEqualTo(1);
    assertThat(result.storageUploadMs()).hasSize(1);
    assertThat(result.baselineDownloadMs()).hasSize(1);
    assertThat(result.filesChecked()).as("one file through Storage, one direct").isEqualTo(2);
    assertThat(List.of(result.storageUploadMBps(), result.storageDownloadMBps(), result.baselineUploadMBps(),
        result.baselineDownloadMBps(), result.uploadRatio(), result.downloadRatio())).allMatch(value -> value > 0);
    assertThat(result.cpuMsPerOperation()).containsOnlyKeys("download direct", "download through Storage",
        "upload direct", "upload through Storage");
    assertThat(result.cpuMsPerOperation().values()).allSatisfy(perProcess -> assertThat(perProcess)
        .containsOnlyKeys("Storage", "client").allSatisfy((process, millis) -> assertThat(millis).isNotNegative()));
    assertThat(report.markdown()).contains("| filesystem | 1 MiB | 1 |").contains("compared byte for byte")
        .contains("| store | size | operation | Storage | client | all |")
        .contains("| filesystem | 1 MiB | upload through Storage |");
    assertThat(report.stores().getFirst().quieting().requests()).isBetween(FileWarmUp.QUIET_BATCH,
        2 * FileWarmUp.QUIET_BATCH);
    assertThat(report.markdown()).contains("more round trips through Storage, ").contains("of the last batch's time");
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Warmed up with 3 round trips of 64 KiB")
        .contains("more round trips through Storage's API")
        .contains("filesystem 1 MiB, 1 rounds");
    // Paced at 1 ms after every 64 KiB: an upload of 16 chunks cannot take less than its 15 pauses.
    assertThat(report.paced()).singleElement().satisfies(paced -> {
      assertThat(paced.rounds()).isEqualTo(1);
      assertThat(paced.pausesMs()).isEqualTo(15);
      assertThat(paced.medianMs()).isGreaterThanOrEqualTo(15);
      assertThat(paced.pastPausesMs()).isEqualTo(paced.medianMs() - 15, within(0.01));
    });
    assertThat(report.markdown()).contains("pauses 1 ms after every 64 KiB").contains("| filesystem | 1 MiB | 1 | ");

    JsonNode json = JsonMapper.builder().build().readTree(results.resolve("blobs-quick.json").toFile());
    assertThat(json.path("results").get(0).path("sizeBytes").asLong()).isEqualTo(1024 * 1024);
    assertThat(json.path("machine").path("cpus").asInt()).isPositive();
    assertThat(Files.readString(results.resolve("blobs-quick.md"))).isEqualTo(report.markdown());
  }

  @Test
  void theDefaultsAndTheQuickRunAndBadArgumentsAreRefused() {
    BlobBenchmarkOptions defaults = BlobBenchmarkOptions.parse(new String[0]);
    assertThat(defaults.sizesMib()).containsExactly(1, 100);
    assertThat(defaults.stores()).containsExactly(BlobBenchmarkOptions.Store.FILESYSTEM,
        BlobBenchmarkOptions.Store.AZURITE);
    assertThat(defaults.roundsFor(100)).isEqualTo(10);
    assertThat(defaults.roundsFor(1)).isEqualTo(200);
    assertThat(defaults.warmUp()).isEqualTo(2);
    assertThat(defaults.warmUpRequests()).isEqualTo(1500);
    assertThat(defaults.untilQuietRequests()).isEqualTo(BlobBenchmarkOptions.UNTIL_QUIET_REQUESTS);
    assertThat(defaults.resultsName()).isEqualTo("blobs-latest");
    assertThat(defaults.pacedPauseMs()).isZero();
    assertThat(BlobBenchmarkOptions.parse(new String[] {"--paced=3"}).pacedPauseMs()).isEqualTo(3);
    // The full run's file rows: its 5 rounds become 100 for 1 MiB and 15 for 100 MiB.
    assertThat(BlobBenchmarkOptions.roundsFor(1, 5)).isEqualTo(100);
    assertThat(BlobBenchmarkOptions.roundsFor(100, 5)).isEqualTo(15);

    BlobBenchmarkOptions quick = BlobBenchmarkOptions.parse(new String[] {"--quick", "--stores=filesystem",
        "--sizes=4"});
    assertThat(quick.roundsFor(4)).isEqualTo(60);
    assertThat(quick.warmUp()).isEqualTo(1);
    assertThat(quick.warmUpRequests()).isEqualTo(200);
    assertThat(quick.untilQuietRequests()).isZero();
    assertThat(quick.stores()).containsExactly(BlobBenchmarkOptions.Store.FILESYSTEM);
    assertThat(quick.resultsName()).isEqualTo("blobs-quick");

    assertThatThrownBy(() -> BlobBenchmarkOptions.parse(new String[] {"--stores=s3"}))
        .hasMessageContaining("unknown store 's3'");
    assertThatThrownBy(() -> BlobBenchmarkOptions.parse(new String[] {"--sizes=0"}))
        .hasMessageContaining("1 to 1024 MiB");
    assertThatThrownBy(() -> BlobBenchmarkOptions.parse(new String[] {"--paced=-1"}))
        .hasMessageContaining("not negative");
    assertThatThrownBy(() -> BlobBenchmarkOptions.parse(new String[] {"--size=5"}))
        .hasMessageContaining("unknown argument");
  }

  @Test
  void generatedContentIsTheSameForTheSameSeedAndEndsAtItsSize() throws Exception {
    byte[] whole = GeneratedContent.bytes(200_000, 7);
    byte[] again = new GeneratedContent(200_000, 7).readAllBytes();
    byte[] other = GeneratedContent.bytes(200_000, 8);

    assertThat(again).isEqualTo(whole);
    assertThat(other).isNotEqualTo(whole);
    try (GeneratedContent odd = new GeneratedContent(100_003, 7)) {
      byte[] read = odd.readAllBytes();
      assertThat(read).hasSize(100_003);
      assertThat(read).isEqualTo(java.util.Arrays.copyOf(whole, 100_003));
      assertThat(odd.read()).isEqualTo(-1);
    }
  }
}
