package no.instanceplatform.storage.hostile;

import static no.instanceplatform.storage.hostile.HostileTarget.APP_ID;
import static no.instanceplatform.storage.hostile.HostileTarget.APP_OWNER;
import static no.instanceplatform.storage.hostile.HostileTarget.USER;
import static no.instanceplatform.storage.hostile.HostileTarget.V1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeProperty;
import no.instanceplatform.storage.support.RawHttp;
import no.instanceplatform.storage.support.StorageHttp;
import tools.jackson.databind.JsonNode;

/**
 * Generated bad JSON bodies at every JSON write of Storage: malformed, nested too deeply, a declared field of the
 * wrong type, invalid UTF-8. Every answer is a 4xx problem and nothing stored changes. Large but valid bodies are
 * stored exactly as sent.
 */
class JsonBodyProperties {

  /** The JSON kinds a declared field may have; each generates values of other kinds that cannot be coerced to it. */
  enum Kind { STRING, DATE, MAP, LIST, OBJECT, BOOLEAN }

  /** A JSON write, the body it accepts (as a template of declared fields and their kinds), and who may send it. */
  record Endpoint(String name, String method, Function<HostileTarget, String> path, String caller,
      Map<String, Kind> fields) {

    @Override
    public String toString() {
      return method + " " + name;
    }
  }

  private static final Map<String, Kind> INSTANCE = fields("instanceOwner", Kind.OBJECT, "appId", Kind.STRING,
      "dueBefore", Kind.DATE, "visibleAfter", Kind.DATE, "process", Kind.OBJECT, "status", Kind.OBJECT, "data",
      Kind.LIST, "presentationTexts", Kind.MAP, "dataValues", Kind.MAP, "created", Kind.DATE, "lastChangedBy",
      Kind.STRING, "completeConfirmations", Kind.LIST, "selfLinks", Kind.OBJECT);
  private static final Map<String, Kind> PROCESS = fields("started", Kind.DATE, "startEvent", Kind.STRING,
      "currentTask", Kind.OBJECT, "ended", Kind.DATE, "endEvent", Kind.STRING);
  private static final Map<String, Kind> EVENT = fields("instanceId", Kind.STRING, "eventType", Kind.STRING,
      "created", Kind.DATE, "user", Kind.OBJECT, "processInfo", Kind.OBJECT, "dataId", Kind.STRING);

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("instances?appId=", "POST", t -> V1 + "/instances?appId=" + APP_ID, USER, INSTANCE),
      new Endpoint("presentationtexts", "PUT", t -> t.instance + "/presentationtexts", USER,
          fields("texts", Kind.MAP)),
      new Endpoint("datavalues", "PUT", t -> t.instance + "/datavalues", USER, fields("values", Kind.MAP)),
      new Endpoint("substatus", "PUT", t -> t.instance + "/substatus", APP_OWNER,
          fields("label", Kind.STRING, "description", Kind.STRING)),
      new Endpoint("process", "PUT", t -> t.instance + "/process", USER, PROCESS),
      new Endpoint("process/instanceandevents", "PUT", t -> t.instance + "/process/instanceandevents", USER,
          fields("state", Kind.OBJECT, "events", Kind.LIST)),
      new Endpoint("events", "POST", t -> t.instance + "/events", USER, EVENT),
      new Endpoint("dataelements/{id}", "PUT", t -> t.instance + "/dataelements/" + t.dataGuid, USER,
          fields("filename", Kind.STRING, "locked", Kind.BOOLEAN, "refs", Kind.LIST, "tags", Kind.LIST,
              "created", Kind.DATE)),
      new Endpoint("sbl/instances/search", "POST", t -> V1 + "/sbl/instances/search", USER,
          fields("instanceOwnerPartyIdList", Kind.LIST, "appId", Kind.STRING)),
      new Endpoint("applications/{org}/{app}", "PUT", t -> V1 + "/applications/" + APP_ID, APP_OWNER,
          fields("title", Kind.MAP, "dataTypes", Kind.LIST, "validFrom", Kind.DATE, "autoDeleteOnProcessEnd",
              Kind.BOOLEAN)),
      new Endpoint("applications/{org}/{app}/texts", "POST", t -> V1 + "/applications/" + APP_ID + "/texts",
          APP_OWNER, fields("language", Kind.STRING, "resources", Kind.LIST)));

  private HostileTarget target;

  @BeforeProperty
  void aFreshInstance() {
    target = new HostileTarget();
  }

  @Property(tries = 200)
  void malformedJsonIsRefusedAndChangesNothing(@ForAll("endpoints") Endpoint endpoint,
      @ForAll("malformedBodies") String body) {
    assertRefusedAndUnchanged(endpoint, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 200)
  void aDeclaredFieldOfTheWrongTypeIsRefusedAndChangesNothing(@ForAll("wronglyTypedBodies") Bad bad) {
    assertRefusedAndUnchanged(bad.endpoint(), bad.body().getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 100)
  void invalidUtf8IsRefusedAndChangesNothing(@ForAll("endpoints") Endpoint endpoint,
      @ForAll("invalidUtf8") byte[] invalid) {
    String field = endpoint.fields().entrySet().stream().filter(f -> f.getValue() == Kind.STRING)
        .map(Map.Entry::getKey).findFirst().orElse("x");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("{\"" + field + "\":\"a").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(invalid);
    body.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
    assertRefusedAndUnchanged(endpoint, body.toByteArray());
  }

  @Property(tries = 50)
  void largeButValidPresentationTextsAreStoredExactly(@ForAll("largeTexts") Map<String, String> texts) {
    RawHttp.Response response = target.send("PUT", target.instance + "/presentationtexts", USER, "application/json",
        StorageHttp.JSON.writeValueAsString(Map.of("texts", texts)));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode stored = target.send("GET", target.instance, USER, null, null).json().path("presentationTexts");
    texts.forEach((key, value) -> assertThat(stored.path(key).asString()).as(key).isEqualTo(value));
  }

  private void assertRefusedAndUnchanged(Endpoint endpoint, byte[] body) {
    Statistics.label("endpoint").collect(endpoint.toString());
    Map<String, Object> before = target.snapshot();

    RawHttp.Response response = target.send(endpoint.method(), endpoint.path().apply(target), endpoint.caller(),
        "application/json", body, Map.of());

    HostileTarget.assertRefused(endpoint + " " + new String(body, StandardCharsets.UTF_8), response);
    assertThat(target.snapshot()).as(endpoint.toString()).isEqualTo(before);
  }

  record Bad(Endpoint endpoint, String body) {}

  @Provide
  Arbitrary<Endpoint> endpoints() {
    return Arbitraries.of(ENDPOINTS);
  }

  /**
   * Broken JSON: a proper prefix of a body (never valid, since the samples hold no whitespace), a whole body with
   * trailing garbage, unbalanced brackets, or an object nested past the depth limit (32).
   */
  @Provide
  Arbitrary<String> malformedBodies() {
    Arbitrary<String> sample = Arbitraries.of("{\"texts\":{\"a\":\"b\"}}", "{\"label\":\"x\",\"description\":\"y\"}",
        "{\"instanceOwner\":{\"partyId\":\"501337\"},\"dueBefore\":\"2030-01-01T00:00:00Z\"}",
        "{\"started\":\"2020-01-01T00:00:00Z\",\"currentTask\":{\"elementId\":\"Task_1\"}}", "[1,2,3]", "\"text\"");
    Arbitrary<String> prefix = sample.flatMap(s -> Arbitraries.integers().between(1, s.length() - 1)
        .map(n -> s.substring(0, n)));
    Arbitrary<String> trailing = Combinators.combine(sample, Arbitraries.of("}", "]", ",", "x", "{}", "\"", ":1"))
        .as((s, garbage) -> s + garbage);
    Arbitrary<String> unbalanced = Arbitraries.strings().withChars("{}[]:,\"").ofMinLength(1).ofMaxLength(40)
        .filter(JsonBodyProperties::notJson);
    Arbitrary<String> deep = Arbitraries.integers().between(33, 300)
        .map(depth -> "{\"x\":".repeat(depth) + "1" + "}".repeat(depth));
    Arbitrary<String> deepArrays = Arbitraries.integers().between(33, 3000)
        .map(depth -> "[".repeat(depth) + "]".repeat(depth));
    return Arbitraries.oneOf(prefix, trailing, unbalanced, deep, deepArrays);
  }

  @Provide
  Arbitrary<Bad> wronglyTypedBodies() {
    return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> Arbitraries.of(List.copyOf(endpoint.fields().keySet()))
        .flatMap(field -> wrongValue(endpoint.fields().get(field))
            .map(value -> new Bad(endpoint, "{\"" + field + "\":" + value + "}"))));
  }

  /** JSON values no Jackson coercion turns into the kind (numbers and booleans do become strings, so not those). */
  private static Arbitrary<String> wrongValue(Kind kind) {
    Arbitrary<String> object = Arbitraries.of("{}", "{\"a\":1}", "{\"a\":{\"b\":[]}}");
    Arbitrary<String> array = Arbitraries.of("[]", "[1,2]", "[{}]", "[\"a\",[\"b\"]]");
    Arbitrary<String> number = Arbitraries.integers().map(String::valueOf);
    Arbitrary<String> bool = Arbitraries.of("true", "false");
    Arbitrary<String> text = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> "\"" + s + "\"");
    return switch (kind) {
      case STRING -> Arbitraries.oneOf(object, array);
      case DATE -> Arbitraries.oneOf(object, array, bool, text.map(t -> "\"not a date " + t.substring(1)));
      case MAP -> Arbitraries.oneOf(array, text, number, bool, Arbitraries.of("{\"a\":{}}", "{\"a\":[1]}"));
      case LIST -> Arbitraries.oneOf(object, text, number, bool);
      case OBJECT -> Arbitraries.oneOf(array, text, number, bool);
      case BOOLEAN -> Arbitraries.oneOf(object, array, text.map(t -> "\"no" + t.substring(1)));
    };
  }

  /** Byte sequences that are not UTF-8: a stray continuation byte, a truncated sequence, overlong forms, 0xFF. */
  @Provide
  Arbitrary<byte[]> invalidUtf8() {
    return Arbitraries.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xBF}, new byte[] {(byte) 0xC3},
        new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xFF},
        new byte[] {(byte) 0xFE}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE0, (byte) 0x80,
            (byte) 0xAF}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
  }

  /** Up to 300 texts of up to 2,000 characters of any script: about 600,000 characters at most. */
  @Provide
  Arbitrary<Map<String, String>> largeTexts() {
    return Arbitraries.maps(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(2000)
            .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))))
        .ofMinSize(1).ofMaxSize(300);
  }

  private static boolean notJson(String text) {
    try {
      StorageHttp.JSON.readTree(text);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static Map<String, Kind> fields(Object... pairs) {
    Map<String, Kind> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], (Kind) pairs[i + 1]);
    }
    return fields;
  }
}
