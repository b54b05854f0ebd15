package no.instanceplatform.model;

import static no.instanceplatform.model.Seeds.MAPPER;
import static no.instanceplatform.model.Seeds.assertUtcDateTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Application example ({@code test/sailor}) of seed 004 ({@code seeds/application-sailor.json}). */
class ApplicationMappingTests {

  private static final String SEED = "application-sailor.json";

  @Test
  void sailorApplicationExampleReadsFieldByField() {
    Application app = Seeds.read(SEED, Application.class);

    assertThat(app.id()).isEqualTo("test/sailor");
    assertThat(app.versionId()).isEqualTo("v32.23-xyp");
    assertThat(app.org()).isEqualTo("test");
    assertThat(app.app()).isEqualTo("sailor");
    // "2019-03-06T13:46:48.6882148+01:00" is 12:46:48.6882148 in UTC.
    assertThat(app.created()).isEqualTo(Instant.parse("2019-03-06T12:46:48.6882148Z"));
    assertThat(app.createdBy()).isEqualTo("XXX");
    assertThat(app.lastChanged()).isNull();
    assertThat(app.lastChangedBy()).isNull();
    assertThat(app.title()).containsExactlyInAnyOrderEntriesOf(
        Map.of("nb", "Testapplikasjon", "en", "Test Application"));
    assertThat(app.processId()).isEqualTo("standard");
    // "2019-04-01T12:14:22+01:00" is 11:14:22 in UTC.
    assertThat(app.validFrom()).isEqualTo(Instant.parse("2019-04-01T11:14:22Z"));
    assertThat(app.validTo()).isNull();
    assertThat(app.maxSize()).isNull();
    assertThat(app.partyTypesAllowed()).isNull();
    assertThat(app.autoDeleteOnProcessEnd()).isFalse();
    assertThat(app.presentationFields()).isNull();
    assertThat(app.dataFields()).isNull();
    assertThat(app.copyInstanceSettings()).isNull();
    assertThat(app.preventInstanceDeletionForDays()).isNull();

    assertThat(app.dataTypes()).extracting(DataType::id).containsExactly("boatdata", "crewlist", "certificate");

    DataType boatdata = app.dataTypes().get(0);
    assertThat(boatdata.description()).containsExactlyInAnyOrderEntriesOf(Map.of("nb", "Båtdata", "en", "Boat data"));
    assertThat(boatdata.allowedContentTypes()).containsExactly("application/json");
    assertThat(boatdata.allowedContributers()).isNull();
    assertThat(boatdata.taskId()).isEqualTo("Task_1");
    assertThat(boatdata.appLogic()).isEqualTo(new ApplicationLogic(true, "Skjema", "schemas/boatname"));
    assertThat(boatdata.maxSize()).isEqualTo(200000);
    assertThat(boatdata.maxCount()).isEqualTo(1);
    assertThat(boatdata.minCount()).as("absent minCount").isZero();

    DataType crewlist = app.dataTypes().get(1);
    assertThat(crewlist.description()).isNull();
    assertThat(crewlist.allowedContentTypes()).containsExactly("application/xml");
    assertThat(crewlist.taskId()).isEqualTo("Task_2");
    assertThat(crewlist.appLogic().autoCreate()).isFalse();
    assertThat(crewlist.appLogic().classRef()).isEqualTo("CrewList");
    assertThat(crewlist.appLogic().schemaRef()).isEqualTo("schemas/crewlist");
    assertThat(crewlist.maxSize()).isNull();
    assertThat(crewlist.minCount()).isEqualTo(1);
    assertThat(crewlist.maxCount()).isEqualTo(3);

    DataType certificate = app.dataTypes().get(2);
    // The seed misspells the property as "allowedContentType"; it is read as allowedContentTypes.
    assertThat(certificate.allowedContentTypes()).containsExactly("application/pdf");
    assertThat(certificate.taskId()).isNull();
    assertThat(certificate.appLogic()).isNull();
    assertThat(certificate.maxSize()).isNull();
    assertThat(certificate.maxCount()).isEqualTo(1);
    assertThat(certificate.minCount()).as("absent minCount").isZero();
  }

  @Test
  void sailorApplicationIsWrittenWithAltinnFieldNamesAndExplicitNulls() {
    JsonNode written = Seeds.written(Seeds.read(SEED, Application.class));

    assertThat(written.propertyNames()).containsExactlyInAnyOrder("id", "versionId", "org", "app", "created",
        "createdBy", "title", "processId", "validFrom", "validTo", "maxSize", "dataTypes");
    assertThat(written.get("validTo").isNull()).as("validTo is written as null").isTrue();
    assertThat(written.get("maxSize").isNull()).as("maxSize is written as null").isTrue();
    assertUtcDateTime(written.get("created"), Instant.parse("2019-03-06T12:46:48.6882148Z"), "created");
    assertUtcDateTime(written.get("validFrom"), Instant.parse("2019-04-01T11:14:22Z"), "validFrom");
    assertThat(written.get("title").get("nb").stringValue()).isEqualTo("Testapplikasjon");
    assertThat(written.get("title").get("en").stringValue()).isEqualTo("Test Application");

    JsonNode boatdata = written.get("dataTypes").get(0);
    assertThat(boatdata.propertyNames()).containsExactlyInAnyOrder("id", "description", "allowedContentTypes",
        "taskId", "appLogic", "maxSize", "maxCount", "minCount");
    assertThat(boatdata.get("maxSize").intValue()).isEqualTo(200000);
    assertThat(boatdata.get("appLogic").propertyNames())
        .containsExactlyInAnyOrder("autoCreate", "classRef", "schemaRef");
    assertThat(boatdata.get("appLogic").get("autoCreate").booleanValue()).isTrue();

    JsonNode crewlist = written.get("dataTypes").get(1);
    assertThat(crewlist.get("maxSize").isNull()).isTrue();
    assertThat(crewlist.get("minCount").intValue()).isEqualTo(1);
    assertThat(crewlist.get("maxCount").intValue()).isEqualTo(3);

    JsonNode certificate = written.get("dataTypes").get(2);
    assertThat(certificate.has("allowedContentType")).as("the seed's misspelling is not written").isFalse();
    assertThat(certificate.get("allowedContentTypes").isArray()).isTrue();
    assertThat(certificate.get("allowedContentTypes").get(0).stringValue()).isEqualTo("application/pdf");
    assertThat(certificate.get("appLogic").isNull()).as("appLogic is written as null").isTrue();
    assertThat(certificate.get("maxSize").isNull()).isTrue();
    assertThat(certificate.has("taskId")).isFalse();
  }

  @Test
  void sailorApplicationRoundTripsToAnEqualRecord() {
    Application read = Seeds.read(SEED, Application.class);

    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(read), Application.class)).isEqualTo(read);
  }

  @Test
  void optionalApplicationSettingsAreWrittenOnlyWhenSet() {
    Application read = Seeds.read(SEED, Application.class);
    Application withSettings = new Application(read.id(), read.versionId(), read.org(), read.app(), read.created(),
        read.createdBy(), Instant.parse("2019-05-01T00:00:00Z"), "someone", read.title(), read.processId(),
        read.validFrom(), read.validTo(), 1000L, read.dataTypes(), new PartyTypesAllowed(false, true, true, false),
        true, java.util.List.of(new DataField("boatName", "Skjema.Name", "boatdata")), null,
        new CopyInstanceSettings(true, java.util.List.of("certificate"), java.util.List.of()), 7);

    JsonNode written = Seeds.written(withSettings);

    assertThat(written.get("lastChangedBy").stringValue()).isEqualTo("someone");
    assertUtcDateTime(written.get("lastChanged"), Instant.parse("2019-05-01T00:00:00Z"), "lastChanged");
    assertThat(written.get("maxSize").longValue()).isEqualTo(1000L);
    assertThat(written.get("partyTypesAllowed").propertyNames())
        .containsExactlyInAnyOrder("bankruptcyEstate", "organisation", "person", "subUnit");
    assertThat(written.get("autoDeleteOnProcessEnd").booleanValue()).isTrue();
    assertThat(written.get("presentationFields").get(0).propertyNames())
        .containsExactlyInAnyOrder("id", "path", "dataTypeId");
    assertThat(written.has("dataFields")).isFalse();
    assertThat(written.get("copyInstanceSettings").propertyNames())
        .containsExactlyInAnyOrder("enabled", "excludedDataTypes", "excludedDataFields");
    assertThat(written.get("preventInstanceDeletionForDays").intValue()).isEqualTo(7);
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(withSettings), Application.class)).isEqualTo(withSettings);
  }

  @Test
  void receiptDataTypeExampleReadsFieldByField() {
    DataType receipt = Seeds.read("datatype-receipt.json", DataType.class);

    assertThat(receipt.id()).isEqualTo("receipt");
    assertThat(receipt.description()).isNull();
    assertThat(receipt.allowedContentTypes()).containsExactly("image/jpeg", "image/png");
    assertThat(receipt.allowedContributers()).isNull();
    assertThat(receipt.taskId()).isEqualTo("Task_1");
    assertThat(receipt.appLogic()).isNull();
    assertThat(receipt.maxSize()).isEqualTo(20);
    assertThat(receipt.minCount()).isEqualTo(1);
    assertThat(receipt.maxCount()).isEqualTo(3);
  }

  @Test
  void receiptDataTypeIsWrittenWithTheSeedsFieldNamesAndRoundTrips() {
    JsonNode seed = Seeds.tree("datatype-receipt.json");
    DataType receipt = Seeds.read("datatype-receipt.json", DataType.class);

    JsonNode written = Seeds.written(receipt);

    Seeds.assertSameShape(seed, written, "$");
    assertThat(written.get("appLogic").isNull()).isTrue();
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(receipt), DataType.class)).isEqualTo(receipt);
  }

  @Test
  void absentMinCountMaxCountAndAutoDeleteOnProcessEndReadAsZeroAndFalse() {
    // Altinn leaves these out (the seed's boatdata and certificate have no minCount, the app no
    // autoDeleteOnProcessEnd); with Jackson 3.1's default FAIL_ON_NULL_FOR_PRIMITIVES an absent primitive creator
    // property would fail the whole read unless the record maps it (jackson-databind#5734).
    DataType bare = MAPPER.readValue("{\"id\":\"bare\"}", DataType.class);
    Application app = MAPPER.readValue("{\"id\":\"test/bare\"}", Application.class);

    assertThat(bare.minCount()).isZero();
    assertThat(bare.maxCount()).isZero();
    assertThat(app.autoDeleteOnProcessEnd()).isFalse();
    assertThat(Seeds.written(app).has("autoDeleteOnProcessEnd")).as("false is not written").isFalse();
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(app), Application.class)).isEqualTo(app);
  }

  @Test
  void allowedContributersAreReadAndWrittenWithAltinnsSpelling() {
    DataType dataType = MAPPER.readValue(
        "{\"id\":\"x\",\"allowedContributers\":[\"org:ttd\",\"orgno:991825827\"],\"maxCount\":0,\"minCount\":0}",
        DataType.class);

    assertThat(dataType.allowedContributers()).containsExactly("org:ttd", "orgno:991825827");
    assertThat(Seeds.written(dataType).get("allowedContributers").size()).isEqualTo(2);
  }
}
