package no.instanceplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The report's reading of MongoDB's {@code explain}, on answers shaped as MongoDB gives them: the classic engine's,
 * the slot-based engine's (whose stages sit under {@code queryPlan}), and MongoDB 8's express path for a find by id.
 * The emulator cannot explain, so QueryPlansOnMongoDbTests checks the real thing where a Docker engine runs.
 */
class QueryPlanTests {

  @Test
  void theClassicEnginesPlanIsItsStagesOutermostFirstWithTheIndexScanned() {
    QueryPlan plan = QueryPlan.of("org query, page 1", Document.parse("""
        {"explainVersion": "1",
         "queryPlanner": {"namespace": "storage.instances", "rejectedPlans": [],
           "winningPlan": {"stage": "LIMIT", "limitAmount": 101,
             "inputStage": {"stage": "PROJECTION_DEFAULT", "transformBy": {"pendingEvents": 0},
               "inputStage": {"stage": "FETCH",
                 "inputStage": {"stage": "IXSCAN", "keyPattern": {"org": 1, "lastChanged": -1, "_id": -1},
                   "indexName": "org_lastChanged", "direction": "forward"}}}}},
         "executionStats": {"executionSuccess": true, "nReturned": 101, "executionTimeMillis": 0,
           "totalKeysExamined": 101, "totalDocsExamined": 101, "executionStages": {}}}
        """));

    assertThat(plan).isEqualTo(new QueryPlan("org query, page 1",
        "LIMIT ← PROJECTION_DEFAULT ← FETCH ← IXSCAN org_lastChanged", 101, 101, 101));
  }

  @Test
  void theSlotBasedEnginesPlanIsReadFromItsQueryPlanAndAMergeListsItsInputs() {
    QueryPlan plan = QueryPlan.of("org query, page 1,000", Document.parse("""
        {"explainVersion": "2",
         "queryPlanner": {"winningPlan": {
           "queryPlan": {"stage": "LIMIT", "planNodeId": 5,
             "inputStage": {"stage": "FETCH", "planNodeId": 4,
               "inputStage": {"stage": "SORT_MERGE", "planNodeId": 3, "inputStages": [
                 {"stage": "IXSCAN", "planNodeId": 1, "indexName": "org_lastChanged"},
                 {"stage": "IXSCAN", "planNodeId": 2, "indexName": "org_lastChanged"}]}}},
           "slotBasedPlan": {"slots": "$$RESULT=s12", "stages": "[5] limit 101"}}},
         "executionStats": {"nReturned": 101, "totalKeysExamined": 102, "totalDocsExamined": 101}}
        """));

    assertThat(plan.plan()).isEqualTo("LIMIT ← FETCH ← SORT_MERGE(IXSCAN org_lastChanged, IXSCAN org_lastChanged)");
    assertThat(plan.keysExamined()).isEqualTo(102);
  }

  @Test
  void aFindByIdOnTheExpressPathIsOneStage() {
    QueryPlan plan = QueryPlan.of("get instance", Document.parse("""
        {"explainVersion": "1",
         "queryPlanner": {"winningPlan": {"isCached": false, "stage": "EXPRESS_IXSCAN", "keyPattern": "{ _id: 1 }",
           "indexName": "_id_"}},
         "executionStats": {"nReturned": 1, "totalKeysExamined": 1, "totalDocsExamined": 1}}
        """));

    assertThat(plan).isEqualTo(new QueryPlan("get instance", "EXPRESS_IXSCAN _id_", 1, 1, 1));
  }
}
