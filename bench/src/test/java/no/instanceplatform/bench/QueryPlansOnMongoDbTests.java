package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The plans the report quotes, on a real MongoDB (skipped where no Docker engine runs, as here; the GitHub workflow
 * runs it): Storage's indexes serve the benchmark's queries in the order of their pages, so a page reads about its
 * own 101 entries, however deep it is.
 */
@Testcontainers(disabledWithoutDocker = true)
class QueryPlansOnMongoDbTests {

  private static final int INSTANCES = 5_000;
  private static final int DEEP = 2_000;
  private static final int PAGE = BenchmarkOptions.PAGE_SIZE + 1;

  @Test
  void theQueriesOfTheReportReadOnlyTheirPageThroughAnIndexAtAnyDepth() {
    try (MongoDBContainer mongo = new MongoDBContainer("mongo:8.0")) {
      mongo.start();
      try (MetadataStore store = MetadataStore.start(mongo.getConnectionString(), "64m")) {
        InstanceLoader.Loaded loaded = QueryScenarios.load(store, INSTANCES,
            new PrintStream(OutputStream.nullOutputStream()));
        MongoCollection<Document> instances = store.database().getCollection(InstanceScenarios.COLLECTION);
        Map<String, Bson> queries = Map.of(
            "org, page 1", QueryScenarios.orgFilter(),
            "org, deep", QueryScenarios.after(QueryScenarios.orgFilter(), loaded.org().keyAt(DEEP)),
            "party, page 1", QueryScenarios.partyFilter(),
            "party, deep", QueryScenarios.after(QueryScenarios.partyFilter(), loaded.party().keyAt(DEEP)));

        queries.forEach((name, filter) -> {
          QueryPlan plan = QueryPlan.explain(name, QueryScenarios.pageQuery(instances, filter));

          assertThat(plan.plan()).as(name).contains("IXSCAN").doesNotContain("COLLSCAN")
              .as(name + ": no sort in memory").doesNotContain("SORT ←");
          assertThat(plan.returned()).as(name).isEqualTo(PAGE);
          assertThat(plan.docsExamined()).as(name).isLessThanOrEqualTo(2L * PAGE);
          assertThat(plan.keysExamined()).as(name).isLessThanOrEqualTo(3L * PAGE);
        });
      }
    }
  }
}
