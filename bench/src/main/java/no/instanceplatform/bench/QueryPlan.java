package no.instanceplatform.bench;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.FindIterable;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * How MongoDB ran one of the driver's queries (its {@code explain} with execution statistics), for the report: which
 * index a query used and how much it read for what it returned. Only a MongoDB explains; the emulator has no query
 * planner and knows no {@code explain} command.
 *
 * @param query the row the query belongs to
 * @param plan the winning plan's stages, outermost first, each index scan with its index's name
 * @param returned documents returned
 * @param keysExamined index keys read
 * @param docsExamined documents read
 */
record QueryPlan(String query, String plan, long returned, long keysExamined, long docsExamined) {

  /** Runs {@code find} once more, explained. */
  static QueryPlan explain(String query, FindIterable<?> find) {
    return of(query, find.explain(Document.class, ExplainVerbosity.EXECUTION_STATS));
  }

  /** The plan and figures of an {@code explain} at the execution statistics verbosity. */
  static QueryPlan of(String query, Document explained) {
    Document winning = explained.get("queryPlanner", Document.class).get("winningPlan", Document.class);
    // With the slot-based engine (explain version 2) the stages are under queryPlan; the classic engine's are not.
    Document root = winning.containsKey("queryPlan") ? winning.get("queryPlan", Document.class) : winning;
    Document stats = explained.get("executionStats", Document.class);
    return new QueryPlan(query, stages(root), number(stats, "nReturned"), number(stats, "totalKeysExamined"),
        number(stats, "totalDocsExamined"));
  }

  /** {@code LIMIT ← FETCH ← IXSCAN org_1}, a stage of several inputs as {@code SORT_MERGE(IXSCAN a, IXSCAN b)}. */
  static String stages(Document stage) {
    String name = stage.getString("stage") + (stage.containsKey("indexName") ? " " + stage.get("indexName") : "");
    Document input = stage.get("inputStage", Document.class);
    if (input != null) {
      return name + " ← " + stages(input);
    }
    List<Document> inputs = stage.getList("inputStages", Document.class);
    return inputs == null ? name
        : name + "(" + inputs.stream().map(QueryPlan::stages).collect(Collectors.joining(", ")) + ")";
  }

  private static long number(Document stats, String key) {
    return stats.get(key, Number.class).longValue();
  }
}
