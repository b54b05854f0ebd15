package no.instanceplatform.model;

import static no.instanceplatform.model.Seeds.MAPPER;
import static no.instanceplatform.model.Seeds.assertUtcDateTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The list wrappers, the instance query page and the message box instance. */
class ListAndSummaryMappingTests {

  @Test
  void applicationListIsWrappedInApplications() {
    Application app = Seeds.read("application-sailor.json", Application.class);
    ApplicationList list = new ApplicationList(List.of(app));

    JsonNode written = Seeds.written(list);

    assertThat(written.propertyNames()).containsExactly("applications");
    assertThat(written.get("applications").isArray()).isTrue();
    assertThat(written.get("applications").get(0).get("id").stringValue()).isEqualTo("test/sailor");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(list), ApplicationList.class)).isEqualTo(list);
  }

  @Test
  void instanceEventListIsWrappedInInstanceEvents() {
    InstanceEvent event = Seeds.read("instance-event.json", InstanceEvent.class);
    InstanceEventList list = new InstanceEventList(List.of(event, event));

    JsonNode written = Seeds.written(list);

    assertThat(written.propertyNames()).containsExactly("instanceEvents");
    assertThat(written.get("instanceEvents").size()).isEqualTo(2);
    assertThat(written.get("instanceEvents").get(1).get("eventType").stringValue()).isEqualTo("deleted");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(list), InstanceEventList.class)).isEqualTo(list);
  }

  @Test
  void dataElementListIsWrappedInDataElements() {
    Instance instance = Seeds.read("instance-complete.json", Instance.class);
    DataElementList list = new DataElementList(instance.data());

    JsonNode written = Seeds.written(list);

    assertThat(written.propertyNames()).containsExactly("dataElements");
    assertThat(written.get("dataElements").get(0).get("id").stringValue())
        .isEqualTo("8a8a01ae-9533-4aa9-b914-8ab0fae6ea0d");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(list), DataElementList.class)).isEqualTo(list);
  }

  @Test
  void processHistoryIsWrappedInProcessHistoryWithCamelCaseItems() {
    Instant occured = Instant.parse("2020-11-18T15:56:41.5664762Z");
    ProcessHistoryList list = new ProcessHistoryList(List.of(
        new ProcessHistoryItem("process_StartTask", "Task_1", occured, occured, null, "1337")));

    JsonNode written = Seeds.written(list);

    assertThat(written.propertyNames()).containsExactly("processHistory");
    JsonNode item = written.get("processHistory").get(0);
    // Seed 004 prints these in PascalCase (EventType, ElementId, ...); Altinn's JSON is camelCase.
    assertThat(item.propertyNames())
        .containsExactlyInAnyOrder("eventType", "elementId", "occured", "started", "ended", "performedBy");
    assertThat(item.get("eventType").stringValue()).isEqualTo("process_StartTask");
    assertUtcDateTime(item.get("occured"), occured, "occured");
    assertThat(item.get("ended").isNull()).isTrue();
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(list), ProcessHistoryList.class)).isEqualTo(list);
  }

  @Test
  void instanceQueryResponseWritesPagingFieldsAndInstances() {
    Instance instance = Seeds.read("instance-complete.json", Instance.class);
    InstanceQueryResponse page = new InstanceQueryResponse(1, 1,
        "https://platform.at22.altinn.cloud/storage/api/v1/instances?org=ttd", null, List.of(instance));

    JsonNode written = Seeds.written(page);

    assertThat(written.propertyNames())
        .containsExactlyInAnyOrder("totalHits", "count", "self", "next", "instances");
    assertThat(written.get("totalHits").longValue()).isEqualTo(1L);
    assertThat(written.get("count").intValue()).isEqualTo(1);
    assertThat(written.get("self").stringValue()).endsWith("/instances?org=ttd");
    assertThat(written.get("next").isNull()).as("next is written as null on the last page").isTrue();
    assertThat(written.get("instances").get(0).get("id").stringValue())
        .isEqualTo("1337/bd9edd59-b18c-4726-aa9e-6b150eade814");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(page), InstanceQueryResponse.class)).isEqualTo(page);
  }

  @Test
  void messageBoxInstanceIsWrittenWithTheSeedsFieldNames() {
    Instant created = Instant.parse("2020-11-18T15:56:42.1972942Z");
    Instant due = Instant.parse("2020-12-01T12:00:00Z");
    Instant archived = Instant.parse("2020-11-20T13:00:05Z");
    MessageBoxInstance instance = new MessageBoxInstance("bd9edd59-b18c-4726-aa9e-6b150eade814", 1337L, "ttd",
        "bli-applikasjonseier", "Bli applikasjonseier", "Task_1", created, "1337", created, due, true, false, false,
        null, archived, ReadStatus.Read, null);

    JsonNode written = Seeds.written(instance);

    assertThat(written.propertyNames()).contains("id", "instanceOwnerId", "org", "appName", "title",
        "processCurrentTask", "createDateTime", "lastChangedBy", "dueDateTime", "allowDelete", "authorizedForWrite",
        "deletedDateTime", "archivedDateTime");
    assertThat(written.get("id").stringValue()).isEqualTo("bd9edd59-b18c-4726-aa9e-6b150eade814");
    assertThat(written.get("instanceOwnerId").isIntegralNumber()).as("instanceOwnerId is an integer").isTrue();
    assertThat(written.get("instanceOwnerId").longValue()).isEqualTo(1337L);
    assertThat(written.get("org").stringValue()).isEqualTo("ttd");
    assertThat(written.get("appName").stringValue()).isEqualTo("bli-applikasjonseier");
    assertThat(written.get("title").stringValue()).isEqualTo("Bli applikasjonseier");
    assertThat(written.get("processCurrentTask").stringValue()).isEqualTo("Task_1");
    assertUtcDateTime(written.get("createDateTime"), created, "createDateTime");
    assertThat(written.get("lastChangedBy").stringValue()).isEqualTo("1337");
    assertUtcDateTime(written.get("dueDateTime"), due, "dueDateTime");
    assertThat(written.get("allowDelete").booleanValue()).isTrue();
    assertThat(written.get("authorizedForWrite").booleanValue()).isFalse();
    assertThat(written.get("deletedDateTime").isNull()).isTrue();
    assertUtcDateTime(written.get("archivedDateTime"), archived, "archivedDateTime");
    assertThat(written.get("readStatus").stringValue()).isEqualTo("Read");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(instance), MessageBoxInstance.class)).isEqualTo(instance);
  }
}
