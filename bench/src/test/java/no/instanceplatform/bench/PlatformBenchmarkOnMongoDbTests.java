package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * bench/run with {@code MONGODB_URI}, end to end on the smallest setting, on a real MongoDB (skipped where no Docker
 * engine runs, as here; the GitHub workflow runs it): every scenario runs against it, the report names MongoDB as the
 * store of its figures and quotes MongoDB's plans, and the run's own database is gone afterwards. It asserts no
 * timing.
 */
@Testcontainers(disabledWithoutDocker = true)
class PlatformBenchmarkOnMongoDbTests {

  @Test
  void aTinyRunOnMongoDbNamesItsStoreQuotesItsPlansAndDropsItsDatabase(@TempDir Path dir) throws Exception {
    try (MongoDBContainer mongo = new MongoDBContainer("mongo:8.0")) {
      mongo.start();
      Path docs = Files.writeString(dir.resolve("PERFORMANCE.md"), "# Performance\n");
      RunOptions options = PlatformBenchmarkSmokeTests.tinyRun(dir, mongo.getConnectionString(), docs);

      RunReport report = PlatformBenchmark.run(options, new PrintStream(OutputStream.nullOutputStream()));
      report.write(options.results(), options.resultsName(), options.docs());

      assertThat(report.metadataStore()).startsWith("MongoDB 8.").contains("/bench_run_");
      PlatformBenchmarkSmokeTests.assertEveryScenarioMeasured(report, "storage", "app-api", "bench client");
      assertThat(report.plans()).extracting(QueryPlan::query).containsExactly("org query, page 1",
          "org query, page 10", "party query, page 1", "party query, page 10", "get instance");
      for (QueryPlan plan : report.plans().subList(0, 4)) {
        assertThat(plan.plan()).as(plan.query()).contains("IXSCAN").doesNotContain("COLLSCAN");
        assertThat(plan.returned()).as(plan.query()).isEqualTo(BenchmarkOptions.PAGE_SIZE + 1);
      }
      QueryPlan read = report.plans().get(4);
      assertThat(read.plan()).as("a find by _id").contains("IDHACK");
      assertThat(read.returned()).isOne();
      assertThat(Files.readString(docs)).contains("MongoDB 8.").contains("Query plans: MongoDB's `explain`")
          .doesNotContain("Query plans: none.");
      try (MongoClient client = MongoClients.create(mongo.getConnectionString())) {
        List<String> databases = client.listDatabaseNames().into(new ArrayList<>());
        assertThat(databases).noneMatch(name -> name.startsWith("bench_run_"));
      }
    }
  }
}
