package no.instanceplatform.model;

import static no.instanceplatform.model.Seeds.MAPPER;
import static no.instanceplatform.model.Seeds.assertUtcDateTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** InstanceStatus as Altinn writes it: {@code isArchived} flags beside {@code archived} dates. */
class InstanceStatusMappingTests {

  private static final Instant ARCHIVED = Instant.parse("2021-03-01T08:00:00Z");
  private static final Instant SOFT_DELETED = Instant.parse("2021-03-02T09:30:00.123Z");

  @Test
  void flagsAreWrittenAsIsArchivedIsSoftDeletedIsHardDeletedBesideTheirDates() {
    InstanceStatus status = new InstanceStatus(true, ARCHIVED, true, SOFT_DELETED, false, null, ReadStatus.Read,
        new Substatus("Sendt", "Skjemaet er sendt"));

    JsonNode written = Seeds.written(status);

    assertThat(written.propertyNames()).containsExactlyInAnyOrder("isArchived", "archived", "isSoftDeleted",
        "softDeleted", "isHardDeleted", "hardDeleted", "readStatus", "substatus");
    assertThat(written.get("isArchived").isBoolean()).isTrue();
    assertThat(written.get("isArchived").booleanValue()).isTrue();
    assertThat(written.get("isSoftDeleted").booleanValue()).isTrue();
    assertThat(written.get("isHardDeleted").isBoolean()).isTrue();
    assertThat(written.get("isHardDeleted").booleanValue()).isFalse();
    assertUtcDateTime(written.get("archived"), ARCHIVED, "archived");
    assertUtcDateTime(written.get("softDeleted"), SOFT_DELETED, "softDeleted");
    assertThat(written.get("hardDeleted").isNull()).isTrue();
    assertThat(written.get("readStatus").stringValue()).isEqualTo("Read");
    assertThat(written.get("substatus").get("label").stringValue()).isEqualTo("Sendt");
    assertThat(written.get("substatus").get("description").stringValue()).isEqualTo("Skjemaet er sendt");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(status), InstanceStatus.class)).isEqualTo(status);
  }

  @Test
  void initialStatusIsWrittenUnreadAndNotArchived() {
    JsonNode written = Seeds.written(InstanceStatus.initial());

    assertThat(written.get("isArchived").booleanValue()).isFalse();
    assertThat(written.get("archived").isNull()).isTrue();
    assertThat(written.get("readStatus").stringValue()).isEqualTo("Unread");
    assertThat(written.get("substatus").isNull()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(ReadStatus.class)
  void readStatusIsWrittenAndReadByItsAltinnName(ReadStatus readStatus) {
    InstanceStatus status = InstanceStatus.initial().withReadStatus(readStatus);

    assertThat(Seeds.written(status).get("readStatus").stringValue()).isEqualTo(readStatus.name());
    String json = """
        {"isArchived":false,"archived":null,"isSoftDeleted":false,"softDeleted":null,
         "isHardDeleted":false,"hardDeleted":null,"readStatus":"%s","substatus":null}""".formatted(readStatus.name());
    assertThat(MAPPER.readValue(json, InstanceStatus.class).readStatus()).isEqualTo(readStatus);
  }

  @Test
  void altinnStatusJsonIsReadIntoFlagsAndDates() {
    InstanceStatus status = MAPPER.readValue("""
        {"isArchived":true,"archived":"2021-03-01T09:00:00+01:00",
         "isSoftDeleted":false,"softDeleted":null,
         "isHardDeleted":false,"hardDeleted":null,
         "readStatus":"UpdatedSinceLastReview",
         "substatus":{"label":"Behandles","description":null}}""", InstanceStatus.class);

    assertThat(status.isArchived()).isTrue();
    assertThat(status.archived()).isEqualTo(ARCHIVED);
    assertThat(status.isSoftDeleted()).isFalse();
    assertThat(status.softDeleted()).isNull();
    assertThat(status.isHardDeleted()).isFalse();
    assertThat(status.hardDeleted()).isNull();
    assertThat(status.readStatus()).isEqualTo(ReadStatus.UpdatedSinceLastReview);
    assertThat(status.substatus()).isEqualTo(new Substatus("Behandles", null));
  }
}
