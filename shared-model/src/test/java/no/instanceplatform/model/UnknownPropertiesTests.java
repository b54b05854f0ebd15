package no.instanceplatform.model;

import static no.instanceplatform.model.Seeds.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Altinn clients send more fields than this model knows (newer Altinn versions add them all the time); reading with
 * a default mapper ignores them instead of failing.
 */
class UnknownPropertiesTests {

  @Test
  void instanceWithUnknownPropertiesOnEveryLevelIsReadAsWithout() {
    ObjectNode json = (ObjectNode) Seeds.tree("instance-complete.json");
    json.put("lastChangedByParty", "x").put("someFutureField", 42);
    ((ObjectNode) json.get("instanceOwner")).putObject("party").put("partyUuid", "u");
    ((ObjectNode) json.get("selfLinks")).put("self", "https://example");
    ObjectNode process = (ObjectNode) json.get("process");
    process.putArray("futureArray").add(1);
    ObjectNode task = (ObjectNode) process.get("currentTask");
    task.put("flowType", "CompleteCurrentMoveToNext");
    ((ObjectNode) task.get("validated")).put("errors", 0);
    ObjectNode data = (ObjectNode) json.get("data").get(0);
    data.put("isRead", true).put("contentHash", "abc").putNull("deleteStatus");
    data.putObject("fileScanResult").put("result", "Clean");
    data.putArray("userDefinedMetadata");
    json.set("status", Seeds.written(InstanceStatus.initial()));
    ((ObjectNode) json.get("status")).put("unknownFlag", true);
    json.putArray("completeConfirmations").addObject().put("stakeholderId", "ttd").put("extra", "x");

    Instance instance = MAPPER.treeToValue(json, Instance.class);

    Instance seed = Seeds.read("instance-complete.json", Instance.class);
    assertThat(instance.id()).isEqualTo(seed.id());
    assertThat(instance.instanceOwner()).isEqualTo(seed.instanceOwner());
    assertThat(instance.selfLinks()).isEqualTo(seed.selfLinks());
    assertThat(instance.process()).isEqualTo(seed.process());
    assertThat(instance.data()).isEqualTo(seed.data());
    assertThat(instance.status()).isEqualTo(InstanceStatus.initial());
    assertThat(instance.completeConfirmations()).containsExactly(new CompleteConfirmation("ttd", null));
  }

  @Test
  void applicationAndDataTypesWithUnknownPropertiesAreRead() {
    ObjectNode json = (ObjectNode) Seeds.tree("application-sailor.json");
    json.putObject("onEntry").put("show", "select-instance");
    json.putObject("messageBoxConfig").put("hideSettings", true);
    json.putObject("partyTypesAllowed").put("bankruptcyEstate", false).put("organisation", false)
        .put("person", true).put("subUnit", false).put("futureType", true);
    ObjectNode boatdata = (ObjectNode) json.get("dataTypes").get(0);
    boatdata.put("enablePdfCreation", true).put("enableFileScan", false);
    ((ObjectNode) boatdata.get("appLogic")).put("allowAnonymousOnStateless", false);

    Application app = MAPPER.treeToValue(json, Application.class);

    Application seed = Seeds.read("application-sailor.json", Application.class);
    assertThat(app.dataTypes()).isEqualTo(seed.dataTypes());
    assertThat(app.partyTypesAllowed()).isEqualTo(new PartyTypesAllowed(false, false, true, false));
    assertThat(app.validFrom()).isEqualTo(seed.validFrom());
  }

  @Test
  void instanceEventAndTextResourceWithUnknownPropertiesAreRead() {
    ObjectNode event = (ObjectNode) Seeds.tree("instance-event.json");
    event.putObject("relatedParty").put("partyId", 1);
    ((ObjectNode) event.get("user")).put("systemUserId", "s");

    assertThat(MAPPER.treeToValue(event, InstanceEvent.class))
        .isEqualTo(Seeds.read("instance-event.json", InstanceEvent.class));

    ObjectNode texts = (ObjectNode) Seeds.tree("text-resource.json");
    texts.put("version", 2);
    ObjectNode element = (ObjectNode) texts.get("resources").get(2);
    element.put("unknown", "x");
    ((ObjectNode) element.get("variables").get(0)).put("unknown", "y");

    assertThat(MAPPER.treeToValue(texts, TextResource.class))
        .isEqualTo(Seeds.read("text-resource.json", TextResource.class));
  }

  @Test
  void recordsIgnoreUnknownPropertiesEvenWhenTheMapperIsStrict() {
    // Jackson 3 already defaults FAIL_ON_UNKNOWN_PROPERTIES to false; the records say so themselves as well.
    ObjectMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    ObjectNode instance = (ObjectNode) Seeds.tree("instance-complete.json");
    instance.put("someFutureField", 1);
    ((ObjectNode) instance.get("data").get(0)).put("isRead", true);
    ObjectNode app = (ObjectNode) Seeds.tree("application-sailor.json");
    app.put("onEntry", "x");
    ((ObjectNode) app.get("dataTypes").get(0)).put("enablePdfCreation", true);
    ObjectNode event = (ObjectNode) Seeds.tree("instance-event.json");
    ((ObjectNode) event.get("user")).put("systemUserId", "s");
    ObjectNode texts = (ObjectNode) Seeds.tree("text-resource.json");
    ((ObjectNode) texts.get("resources").get(0)).put("unknown", "x");

    assertThat(strict.treeToValue(instance, Instance.class))
        .isEqualTo(Seeds.read("instance-complete.json", Instance.class));
    assertThat(strict.treeToValue(app, Application.class))
        .isEqualTo(Seeds.read("application-sailor.json", Application.class));
    assertThat(strict.treeToValue(event, InstanceEvent.class))
        .isEqualTo(Seeds.read("instance-event.json", InstanceEvent.class));
    assertThat(strict.treeToValue(texts, TextResource.class))
        .isEqualTo(Seeds.read("text-resource.json", TextResource.class));
  }

  @Test
  void listWrappersAndSummariesWithUnknownPropertiesAreRead() {
    ObjectNode events = MAPPER.createObjectNode();
    ((ArrayNode) events.putArray("instanceEvents")).add(Seeds.tree("instance-event.json"));
    events.put("continuationToken", "abc");
    assertThat(MAPPER.treeToValue(events, InstanceEventList.class).instanceEvents()).hasSize(1);

    assertThat(MAPPER.readValue("{\"applications\":[],\"count\":0}", ApplicationList.class).applications())
        .isEmpty();
    assertThat(MAPPER.readValue("{\"dataElements\":[],\"count\":0}", DataElementList.class).dataElements())
        .isEmpty();
    assertThat(MAPPER.readValue("{\"processHistory\":[{\"eventType\":\"process_EndTask\",\"x\":1}],\"count\":1}",
        ProcessHistoryList.class).processHistory().getFirst().eventType()).isEqualTo("process_EndTask");
    assertThat(MAPPER.readValue(
        "{\"totalHits\":0,\"count\":0,\"self\":\"s\",\"next\":null,\"instances\":[],\"continuationToken\":\"t\"}",
        InstanceQueryResponse.class).totalHits()).isZero();
    ObjectNode messageBox = (ObjectNode) Seeds.written(new MessageBoxInstance("g", 1337L, "ttd", "a", "t", "Task_1",
        null, null, null, null, false, false, false, null, null, ReadStatus.Unread, null));
    messageBox.putNull("lastVisualizedDateTime").put("allowNewCopyInFuture", true);
    assertThat(MAPPER.treeToValue(messageBox, MessageBoxInstance.class).instanceOwnerId()).isEqualTo(1337L);
  }
}
