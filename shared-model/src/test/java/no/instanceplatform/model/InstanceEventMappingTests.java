package no.instanceplatform.model;

import static no.instanceplatform.model.Seeds.MAPPER;
import static no.instanceplatform.model.Seeds.assertUtcDateTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The instance event example of seed 004 ({@code seeds/instance-event.json}). */
class InstanceEventMappingTests {

  private static final String SEED = "instance-event.json";

  private static final String PROCESS = """
      {"started":"2019-05-02T13:00:00Z","startEvent":"StartEvent_1",
       "currentTask":{"flow":2,"started":"2019-05-02T13:00:01Z","elementId":"Task_1","name":"Utfylling",
                      "altinnTaskType":"data","ended":null,"validated":null},
       "ended":null,"endEvent":null}""";

  @Test
  void seedInstanceEventReadsFieldByField() {
    InstanceEvent event = Seeds.read(SEED, InstanceEvent.class);

    assertThat(event.id()).isNull();
    assertThat(event.instanceId()).isEqualTo("60238/5c6b1a71-2e1f-447a-ae2f-d1807dcffbfb");
    assertThat(event.dataId()).isNull();
    assertThat(event.eventType()).isEqualTo("deleted");
    assertThat(event.created()).isEqualTo(Instant.parse("2019-05-02T13:08:21.981476Z"));
    assertThat(event.instanceOwnerPartyId()).isEqualTo("60238");
    assertThat(event.user().userId()).isEqualTo(3);
    assertThat(event.user().orgId()).isNull();
    assertThat(event.user().authenticationLevel()).isEqualTo(1);
    // The seed spells it "enduserSystemId"; Altinn's model (and the seed's own table) says endUserSystemId.
    assertThat(event.user().endUserSystemId()).isEqualTo(2);
    assertThat(event.user().nationalIdentityNumber()).isNull();
    assertThat(event.processInfo()).isNull();
  }

  @Test
  void seedInstanceEventIsWrittenWithEndUserSystemIdInAltinnsSpelling() {
    JsonNode written = Seeds.written(Seeds.read(SEED, InstanceEvent.class));

    assertThat(written.get("instanceId").stringValue()).isEqualTo("60238/5c6b1a71-2e1f-447a-ae2f-d1807dcffbfb");
    assertThat(written.get("eventType").stringValue()).isEqualTo("deleted");
    assertUtcDateTime(written.get("created"), Instant.parse("2019-05-02T13:08:21.981476Z"), "created");
    assertThat(written.get("instanceOwnerPartyId").stringValue()).isEqualTo("60238");
    assertThat(written.has("processInfo")).as("no process info when there is none").isFalse();

    JsonNode user = written.get("user");
    assertThat(user.propertyNames()).containsExactlyInAnyOrder("userId", "authenticationLevel", "endUserSystemId");
    assertThat(user.get("userId").intValue()).isEqualTo(3);
    assertThat(user.get("authenticationLevel").intValue()).isEqualTo(1);
    assertThat(user.get("endUserSystemId").intValue()).isEqualTo(2);
    assertThat(user.has("enduserSystemId")).isFalse();
  }

  @Test
  void seedInstanceEventRoundTripsToAnEqualRecord() {
    InstanceEvent read = Seeds.read(SEED, InstanceEvent.class);

    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(read), InstanceEvent.class)).isEqualTo(read);
  }

  @Test
  void processInfoAsAltinnAppLibNamesItIsReadAndWrittenBack() {
    InstanceEvent event = MAPPER.readValue(
        "{\"instanceId\":\"60238/5c6b1a71-2e1f-447a-ae2f-d1807dcffbfb\",\"eventType\":\"process_StartTask\","
            + "\"user\":{\"userId\":3,\"authenticationLevel\":2},\"processInfo\":" + PROCESS + "}",
        InstanceEvent.class);

    assertThat(event.processInfo()).isNotNull();
    assertThat(event.processInfo().started()).isEqualTo(Instant.parse("2019-05-02T13:00:00Z"));
    assertThat(event.processInfo().currentTask().elementId()).isEqualTo("Task_1");
    assertThat(event.processInfo().currentTask().flow()).isEqualTo(2);

    JsonNode written = Seeds.written(event);
    assertThat(written.has("process")).isFalse();
    assertThat(written.get("processInfo").get("currentTask").get("elementId").stringValue()).isEqualTo("Task_1");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(event), InstanceEvent.class)).isEqualTo(event);
  }

  @Test
  void processAsTheSeedTableNamesItIsReadAsProcessInfo() {
    InstanceEvent event = MAPPER.readValue(
        "{\"instanceId\":\"60238/5c6b1a71-2e1f-447a-ae2f-d1807dcffbfb\",\"eventType\":\"process_StartTask\","
            + "\"user\":{\"userId\":3,\"authenticationLevel\":2},\"process\":" + PROCESS + "}",
        InstanceEvent.class);

    assertThat(event.processInfo()).isNotNull();
    assertThat(event.processInfo().startEvent()).isEqualTo("StartEvent_1");
    assertThat(event.processInfo().currentTask().name()).isEqualTo("Utfylling");
    assertThat(Seeds.written(event).has("processInfo")).isTrue();
  }

  @Test
  void organisationUserIsWrittenWithoutTheAbsentUserFields() {
    PlatformUser org = new PlatformUser(null, "ttd", 3, null, null);

    JsonNode written = Seeds.written(org);

    assertThat(written.propertyNames()).containsExactlyInAnyOrder("orgId", "authenticationLevel");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(org), PlatformUser.class)).isEqualTo(org);
  }
}
