package no.instanceplatform.model;

import static no.instanceplatform.model.Seeds.MAPPER;
import static no.instanceplatform.model.Seeds.assertSameShape;
import static no.instanceplatform.model.Seeds.assertUtcDateTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The complete Instance example of seed 000 ({@code seeds/instance-complete.json}). */
class InstanceMappingTests {

  private static final String SEED = "instance-complete.json";

  @Test
  void completeInstanceExampleReadsFieldByField() {
    Instance instance = Seeds.read(SEED, Instance.class);

    assertThat(instance.id()).isEqualTo("1337/bd9edd59-b18c-4726-aa9e-6b150eade814");
    assertThat(instance.instanceGuid()).isEqualTo("bd9edd59-b18c-4726-aa9e-6b150eade814");

    InstanceOwner owner = instance.instanceOwner();
    assertThat(owner.partyId()).isEqualTo("1337");
    assertThat(owner.personNumber()).isEqualTo("01039012345");
    assertThat(owner.organisationNumber()).isNull();
    assertThat(owner.username()).isNull();

    assertThat(instance.appId()).isEqualTo("ttd/bli-applikasjonseier");
    assertThat(instance.org()).isEqualTo("ttd");
    assertThat(instance.selfLinks()).isEqualTo(new ResourceLinks("", ""));
    assertThat(instance.dueBefore()).isNull();
    assertThat(instance.visibleAfter()).isNull();

    ProcessState process = instance.process();
    assertThat(process.started()).isEqualTo(Instant.parse("2020-11-18T15:56:41.5662973Z"));
    assertThat(process.startEvent()).isEqualTo("StartEvent_1");
    assertThat(process.ended()).isNull();
    assertThat(process.endEvent()).isNull();

    ProcessElementInfo task = process.currentTask();
    assertThat(task.flow()).isEqualTo(2);
    assertThat(task.started()).isEqualTo(Instant.parse("2020-11-18T15:56:41.5664762Z"));
    assertThat(task.elementId()).isEqualTo("Task_1");
    assertThat(task.name()).isEqualTo("Utfylling");
    assertThat(task.altinnTaskType()).isEqualTo("data");
    assertThat(task.ended()).isNull();
    // The seed writes this one with a "+00:00" offset instead of "Z".
    assertThat(task.validated().timestamp()).isEqualTo(Instant.parse("2020-11-20T13:00:05.1800273Z"));
    assertThat(task.validated().canCompleteTask()).isTrue();

    assertThat(instance.status()).isNull();
    assertThat(instance.completeConfirmations()).isNull();

    assertThat(instance.data()).hasSize(1);
    DataElement data = instance.data().getFirst();
    assertThat(data.id()).isEqualTo("8a8a01ae-9533-4aa9-b914-8ab0fae6ea0d");
    assertThat(data.instanceGuid()).isEqualTo("bd9edd59-b18c-4726-aa9e-6b150eade814");
    assertThat(data.dataType()).isEqualTo("Kursdomene_BliTjenesteeier_M_2020-05-25_5703_34553_SERES");
    assertThat(data.filename()).isNull();
    assertThat(data.contentType()).isEqualTo("application/xml");
    assertThat(data.blobStoragePath()).isEqualTo(
        "ttd/bli-applikasjonseier/bd9edd59-b18c-4726-aa9e-6b150eade814/data/8a8a01ae-9533-4aa9-b914-8ab0fae6ea0d");
    assertThat(data.selfLinks()).isEqualTo(new ResourceLinks("", ""));
    assertThat(data.size()).isEqualTo(401L);
    assertThat(data.locked()).isFalse();
    assertThat(data.refs()).isNotNull().isEmpty();
    assertThat(data.tags()).isNull();
    assertThat(data.created()).isEqualTo(Instant.parse("2020-11-18T15:56:43.1089008Z"));
    assertThat(data.createdBy()).isNull();
    assertThat(data.lastChanged()).isEqualTo(Instant.parse("2020-11-18T15:56:43.1089008Z"));
    assertThat(data.lastChangedBy()).isNull();

    assertThat(instance.presentationTexts()).isNull();
    assertThat(instance.dataValues()).isNull();
    assertThat(instance.created()).isEqualTo(Instant.parse("2020-11-18T15:56:42.1972942Z"));
    assertThat(instance.createdBy()).isEqualTo("1337");
    assertThat(instance.lastChanged()).isEqualTo(Instant.parse("2020-11-18T15:56:42.1972942Z"));
    assertThat(instance.lastChangedBy()).isEqualTo("1337");
  }

  @Test
  void completeInstanceExampleIsWrittenWithTheSeedsFieldNamesNullsAndUtcDates() {
    JsonNode seed = Seeds.tree(SEED);
    JsonNode written = Seeds.written(Seeds.read(SEED, Instance.class));

    // Every object has the seed's property names, nulls where the seed has null, and every date as UTC "...Z".
    // At the top level Altinn's Instance also always carries presentationTexts and dataValues (null here); the 2020
    // example in seed 000 predates dataValues and leaves both out.
    assertSameShape(seed, written, "$", "presentationTexts", "dataValues");
    assertThat(written.get("presentationTexts").isNull()).isTrue();
    assertThat(written.get("dataValues").isNull()).isTrue();

    // The nulls the seed shows are written, not dropped.
    for (String name : List.of("dueBefore", "visibleAfter", "status", "completeConfirmations")) {
      assertThat(written.get(name)).as(name).isNotNull();
      assertThat(written.get(name).isNull()).as(name).isTrue();
    }
    assertThat(written.get("instanceOwner").get("organisationNumber").isNull()).isTrue();
    assertThat(written.get("instanceOwner").has("username")).isFalse();
    JsonNode data = written.get("data").get(0);
    for (String name : List.of("filename", "createdBy", "lastChangedBy")) {
      assertThat(data.get(name)).as("data[0].%s", name).isNotNull();
      assertThat(data.get(name).isNull()).as("data[0].%s", name).isTrue();
    }
    assertThat(data.has("tags")).isFalse();
    assertThat(data.get("size").isIntegralNumber()).isTrue();
    assertThat(data.get("size").longValue()).isEqualTo(401L);
    assertThat(data.get("locked").isBoolean()).isTrue();
    assertThat(data.get("refs").isArray()).isTrue();
    assertThat(data.get("refs").isEmpty()).isTrue();

    // Dates: ISO-8601 strings in UTC ending in "Z", including the one the seed wrote with "+00:00".
    assertUtcDateTime(written.get("process").get("started"), Instant.parse("2020-11-18T15:56:41.5662973Z"),
        "process.started");
    assertUtcDateTime(written.get("process").get("currentTask").get("validated").get("timestamp"),
        Instant.parse("2020-11-20T13:00:05.1800273Z"), "process.currentTask.validated.timestamp");
    assertUtcDateTime(written.get("created"), Instant.parse("2020-11-18T15:56:42.1972942Z"), "created");
    assertThat(written.get("process").get("currentTask").get("flow").intValue()).isEqualTo(2);
    assertThat(written.get("process").get("currentTask").get("validated").get("canCompleteTask").booleanValue())
        .isTrue();
  }

  @Test
  void completeInstanceExampleRoundTripsToAnEqualRecord() {
    Instance read = Seeds.read(SEED, Instance.class);

    Instance again = MAPPER.readValue(MAPPER.writeValueAsString(read), Instance.class);

    assertThat(again).isEqualTo(read);
  }

  @Test
  void instanceStatusInsideAnInstanceIsWrittenWithEnumValuesAsStrings() {
    Instance seed = Seeds.read(SEED, Instance.class);
    Instant archived = Instant.parse("2020-11-21T10:00:00Z");
    Instance archivedInstance = new Instance(seed.id(), seed.instanceOwner(), seed.appId(), seed.org(),
        seed.selfLinks(), seed.dueBefore(), seed.visibleAfter(), seed.process(),
        InstanceStatus.initial().withArchived(archived).withReadStatus(ReadStatus.UpdatedSinceLastReview),
        List.of(new CompleteConfirmation("ttd", archived)), seed.data(), seed.presentationTexts(),
        seed.dataValues(), seed.created(), seed.createdBy(), seed.lastChanged(), seed.lastChangedBy());

    JsonNode written = Seeds.written(archivedInstance);

    JsonNode status = written.get("status");
    assertThat(status.get("readStatus").isString()).isTrue();
    assertThat(status.get("readStatus").stringValue()).isEqualTo("UpdatedSinceLastReview");
    assertThat(status.get("isArchived").booleanValue()).isTrue();
    assertUtcDateTime(status.get("archived"), archived, "status.archived");
    JsonNode confirmation = written.get("completeConfirmations").get(0);
    assertThat(confirmation.propertyNames()).containsExactlyInAnyOrder("stakeholderId", "confirmedOn");
    assertThat(confirmation.get("stakeholderId").stringValue()).isEqualTo("ttd");
    assertUtcDateTime(confirmation.get("confirmedOn"), archived, "completeConfirmations[0].confirmedOn");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(archivedInstance), Instance.class))
        .isEqualTo(archivedInstance);
  }

  @Test
  void presentationTextsAndDataValuesAreWrittenAsObjects() {
    Instance seed = Seeds.read(SEED, Instance.class);
    Instance withTexts = new Instance(seed.id(), seed.instanceOwner(), seed.appId(), seed.org(), seed.selfLinks(),
        seed.dueBefore(), seed.visibleAfter(), seed.process(), seed.status(), seed.completeConfirmations(),
        seed.data(), java.util.Map.of("title", "Båt"), java.util.Map.of("boatName", "Ellen"), seed.created(),
        seed.createdBy(), seed.lastChanged(), seed.lastChangedBy());

    JsonNode written = Seeds.written(withTexts);

    assertThat(written.get("presentationTexts").get("title").stringValue()).isEqualTo("Båt");
    assertThat(written.get("dataValues").get("boatName").stringValue()).isEqualTo("Ellen");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(withTexts), Instance.class)).isEqualTo(withTexts);
  }
}
