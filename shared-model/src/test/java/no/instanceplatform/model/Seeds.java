package no.instanceplatform.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test support: the seed examples from /work/shared/seeds, reconstructed as JSON under
 * {@code src/test/resources/seeds/}, and a plain Jackson 3 mapper with default settings, so that every mapping
 * the tests see comes from the records' own annotations.
 */
final class Seeds {

  /** A default mapper: no modules, no features, no naming strategy. */
  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

  private Seeds() {}

  static String text(String name) {
    try (InputStream in = Seeds.class.getResourceAsStream("/seeds/" + name)) {
      assertThat(in).as("seed resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String name) {
    return MAPPER.readTree(text(name));
  }

  static <T> T read(String name, Class<T> type) {
    return MAPPER.readValue(text(name), type);
  }

  /** Writes a value as a JSON string with the default mapper and parses it back into a tree. */
  static JsonNode written(Object value) {
    return MAPPER.readTree(MAPPER.writeValueAsString(value));
  }

  /** Reads a date-time as the seeds write it (with {@code Z} or a numeric offset) into an instant. */
  static Instant instant(String isoDateTime) {
    return OffsetDateTime.parse(isoDateTime).toInstant();
  }

  static boolean looksLikeDateTime(String value) {
    return DATE_TIME.matcher(value).matches();
  }

  /** Asserts that a written node is an ISO-8601 UTC string ending in {@code Z} for the given instant. */
  static void assertUtcDateTime(JsonNode node, Instant expected, String where) {
    assertThat(node).as("%s is present", where).isNotNull();
    assertThat(node.isString()).as("%s is written as a string, not a number: %s", where, node).isTrue();
    assertThat(node.stringValue()).as("%s", where).endsWith("Z");
    assertThat(Instant.parse(node.stringValue())).as("%s", where).isEqualTo(expected);
  }

  /**
   * Asserts that {@code written} has the shape of {@code seed}: the same property names on every object (apart from
   * {@code extraTopLevel} on the root object), null wherever the seed has null, the same numbers, booleans and
   * strings, and every seed date-time written as the same instant in UTC with a trailing {@code Z}.
   */
  static void assertSameShape(JsonNode seed, JsonNode written, String path, String... extraTopLevel) {
    if (seed.isObject()) {
      assertThat(written.isObject()).as("%s is an object: %s", path, written).isTrue();
      if (extraTopLevel.length == 0) {
        assertThat(written.propertyNames()).as("property names of %s", path)
            .containsExactlyInAnyOrderElementsOf(seed.propertyNames());
      } else {
        assertThat(written.propertyNames()).as("property names of %s", path)
            .containsAll(seed.propertyNames())
            .containsOnly(concat(seed, extraTopLevel));
      }
      for (String name : seed.propertyNames()) {
        assertSameShape(seed.get(name), written.get(name), path + "." + name);
      }
    } else if (seed.isArray()) {
      assertThat(written.isArray()).as("%s is an array: %s", path, written).isTrue();
      assertThat(written.size()).as("size of %s", path).isEqualTo(seed.size());
      for (int i = 0; i < seed.size(); i++) {
        assertSameShape(seed.get(i), written.get(i), path + "[" + i + "]");
      }
    } else if (seed.isNull()) {
      assertThat(written.isNull()).as("%s is written as null: %s", path, written).isTrue();
    } else if (seed.isString() && looksLikeDateTime(seed.stringValue())) {
      assertUtcDateTime(written, instant(seed.stringValue()), path);
    } else if (seed.isNumber()) {
      assertThat(written.isNumber()).as("%s is a number: %s", path, written).isTrue();
      assertThat(written.decimalValue()).as("%s", path).isEqualByComparingTo(seed.decimalValue());
    } else {
      assertThat(written).as("%s", path).isEqualTo(seed);
    }
  }

  private static String[] concat(JsonNode seed, String... extra) {
    var names = new java.util.ArrayList<>(seed.propertyNames());
    names.addAll(java.util.List.of(extra));
    return names.toArray(String[]::new);
  }
}
