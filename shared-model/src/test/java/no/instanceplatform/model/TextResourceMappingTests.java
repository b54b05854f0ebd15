package no.instanceplatform.model;

import static no.instanceplatform.model.Seeds.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The text resource example of seed 004 ({@code seeds/text-resource.json}).
 *
 * <p>The seed text is not valid as printed, beyond the lost closing brackets: its key is written
 * {@code "resources:"} (with the colon inside the quotes), and the two variables of {@code yet_another_id} appear
 * as loose {@code key}/{@code dataSource} pairs directly inside the text element. The resource file reconstructs it
 * as Altinn's TextResource JSON, which the seed's own type tables describe: a {@code resources} list whose
 * elements carry a {@code variables} list of {@code {key, dataSource}} objects.
 */
class TextResourceMappingTests {

  private static final String SEED = "text-resource.json";

  @Test
  void seedTextResourceReadsWithItsVariables() {
    TextResource texts = Seeds.read(SEED, TextResource.class);

    assertThat(texts.id()).isNull();
    assertThat(texts.org()).isNull();
    assertThat(texts.language()).isEqualTo("nb");
    assertThat(texts.resources()).extracting(TextResourceElement::id)
        .containsExactly("some_id", "some_other_id", "yet_another_id");
    assertThat(texts.resources().get(0)).isEqualTo(new TextResourceElement("some_id", "some value", null));
    assertThat(texts.resources().get(1))
        .isEqualTo(new TextResourceElement("some_other_id", "some other value", null));

    TextResourceElement withVariables = texts.resources().get(2);
    assertThat(withVariables.value()).isEqualTo("Text containing two variables: {0} and {1}.");
    assertThat(withVariables.variables()).containsExactly(
        new TextResourceVariable("dataSouce.TextKey_1", "dataModel.dataModelName", null),
        new TextResourceVariable("dataSouce.TextKey_2", "dataModel.dataModelName", null));
  }

  @Test
  void seedTextResourceIsWrittenWithVariablesOnlyWhereThereAreAny() {
    JsonNode written = Seeds.written(Seeds.read(SEED, TextResource.class));

    assertThat(written.propertyNames()).containsExactlyInAnyOrder("id", "org", "language", "resources");
    assertThat(written.get("language").stringValue()).isEqualTo("nb");
    JsonNode resources = written.get("resources");
    assertThat(resources.size()).isEqualTo(3);
    assertThat(resources.get(0).propertyNames()).containsExactlyInAnyOrder("id", "value");
    assertThat(resources.get(1).propertyNames()).containsExactlyInAnyOrder("id", "value");
    assertThat(resources.get(2).propertyNames()).containsExactlyInAnyOrder("id", "value", "variables");
    JsonNode variable = resources.get(2).get("variables").get(1);
    assertThat(variable.propertyNames()).containsExactlyInAnyOrder("key", "dataSource");
    assertThat(variable.get("key").stringValue()).isEqualTo("dataSouce.TextKey_2");
    assertThat(variable.get("dataSource").stringValue()).isEqualTo("dataModel.dataModelName");
  }

  @Test
  void seedTextResourceRoundTripsToAnEqualRecord() {
    TextResource read = Seeds.read(SEED, TextResource.class);

    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(read), TextResource.class)).isEqualTo(read);
  }

  @Test
  void storageSetIdAndOrgAndVariableDefaultValueAreWrittenWhenSet() {
    TextResource stored = new TextResource("test-sailor-nb", "test", "nb", java.util.List.of(
        new TextResourceElement("t", "{0}", java.util.List.of(
            new TextResourceVariable("Skjema.Name", "dataModel.default", "ukjent")))));

    JsonNode written = Seeds.written(stored);

    assertThat(written.get("id").stringValue()).isEqualTo("test-sailor-nb");
    assertThat(written.get("org").stringValue()).isEqualTo("test");
    assertThat(written.get("resources").get(0).get("variables").get(0).get("defaultValue").stringValue())
        .isEqualTo("ukjent");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(stored), TextResource.class)).isEqualTo(stored);
  }

  @Test
  void seedsMisspeltResourcesColonKeyIsIgnoredAsAnUnknownProperty() {
    // As printed in the seed, "resources:" is not the resources property; it is ignored like any unknown field.
    TextResource texts = MAPPER.readValue(
        "{\"language\":\"nb\",\"resources:\":[{\"id\":\"some_id\",\"value\":\"some value\"}]}", TextResource.class);

    assertThat(texts.language()).isEqualTo("nb");
    assertThat(texts.resources()).isNull();
  }
}
