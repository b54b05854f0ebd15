package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the benchmark end to end on a small data set (3,000 instances, page 10 instead of page 1,000) so that its
 * code cannot rot between real runs. It asserts what the run reports and that its correctness checks hold; it
 * asserts no timing: speed is judged by the real runs, on their data set.
 */
class QueryBenchmarkSmokeTests {

  @Test
  void aSmallRunReportsBothQueriesWithEveryPageRight(@TempDir Path results) throws Exception {
    BenchmarkOptions options = new BenchmarkOptions(3_000, 1, 10, null, results);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    BenchmarkReport report = QueryBenchmark.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
    report.write(results, options.resultsName());

    assertThat(report.store()).isEqualTo(StorageProcess.EMULATOR);
    assertThat(report.instances()).isEqualTo(3_000);
    assertThat(report.deepPage()).isEqualTo(10);
    assertThat(report.machine().cpus()).isPositive();
    assertThat(report.queries()).extracting(QueryResult::name).containsExactly("org", "party");
    for (QueryResult query : report.queries()) {
      assertThat(query.failures()).as(query.name()).isEmpty();
      assertThat(query.totalHits()).as(query.name()).isGreaterThan(1_000);
      assertThat(query.count()).isEqualTo(100);
      // Page 10 at size 100 starts after 900 instances, reached by pages of up to 1,000: one request.
      assertThat(query.deepPageStartsAt()).isEqualTo(901);
      assertThat(query.walkRequests()).isEqualTo(1);
      // The walk, then the warm-up and one round, each: page 1, page 2, page 10.
      assertThat(query.pagesChecked()).isEqualTo(7);
      assertThat(query.tiedInstances()).as("lastChanged ties to exercise the tie-break").isPositive();
      assertThat(query.page1Ms()).hasSize(1);
      assertThat(query.ratio()).isPositive();
      assertThat(query.ratioToPage2()).isPositive();
    }
    assertThat(report.correct()).isTrue();
    assertThat(report.markdown()).contains("| org: `?org=ttd&size=100` |")
        .contains("| party: `?instanceOwner.partyId=501337&size=100` |")
        .contains("every page full and in the expected order, page 10 starting at instance 901");

    JsonNode json = JsonMapper.builder().build().readTree(results.resolve("query-quick.json").toFile());
    assertThat(json.path("queries").get(1).path("deepPageStartsAt").asLong()).isEqualTo(901);
    assertThat(json.path("store").asString()).contains("emulator");
    assertThat(Files.readString(results.resolve("query-quick.md"))).isEqualTo(report.markdown());
  }

  @Test
  void theDefaultsFollowTheStoreAndTooFewInstancesAreRefused() {
    assertThat(BenchmarkOptions.parse(new String[0], Map.of()))
        .extracting(BenchmarkOptions::instances, BenchmarkOptions::deepPage, BenchmarkOptions::rounds)
        .containsExactly(200_000, 1000, 5);
    assertThat(BenchmarkOptions.parse(new String[0], Map.of("MONGODB_URI", "mongodb://db:27017")).instances())
        .isEqualTo(1_000_000);
    assertThat(BenchmarkOptions.parse(new String[] {"--quick"}, Map.of()))
        .extracting(BenchmarkOptions::instances, BenchmarkOptions::deepPage).containsExactly(20_000, 100);
    assertThat(BenchmarkOptions.parse(new String[] {"--instances=300,000", "--rounds=3"}, Map.of()))
        .extracting(BenchmarkOptions::instances, BenchmarkOptions::rounds).containsExactly(300_000, 3);
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--instances=150000"}, Map.of()))
        .hasMessageContaining("too few for page 1000");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--size=5"}, Map.of()))
        .hasMessageContaining("unknown argument");
  }
}
