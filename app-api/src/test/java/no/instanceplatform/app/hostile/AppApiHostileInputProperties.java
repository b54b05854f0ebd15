package no.instanceplatform.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import no.instanceplatform.app.support.AppHttp;

/**
 * Generated bad input at the App API's endpoints: instance templates that are not JSON, of the wrong types or with
 * dates not in UTC; malformed multipart bodies; bad party ids and guids in paths; bad process actions; hostile file
 * names. Every answer is a 4xx problem that leaks nothing, and Storage holds what it held before; a file name that
 * is legal is kept exactly.
 */
class AppApiHostileInputProperties {

  private static AppApiTarget target;

  @BeforeContainer
  static void theTarget() {
    target = new AppApiTarget();
  }

  @Property(tries = 200)
  void aBadInstanceTemplateIsRefusedAndCreatesNothing(@ForAll("badTemplates") String template) {
    Statistics.label("endpoint").collect("POST instances (JSON)");
    String before = target.snapshot();

    AppHttp.Response response = target.sophie.post(AppApiTarget.INSTANCES, template);

    AppApiTarget.assertRefused(template, response);
    assertThat(target.snapshot()).isEqualTo(before);
  }

  @Property(tries = 150)
  void aMalformedMultipartBodyIsRefusedAndCreatesNothing(@ForAll("badMultipart") byte[] body,
      @ForAll("boundaries") String contentType) {
    Statistics.label("endpoint").collect("POST instances (multipart)");
    String before = target.snapshot();

    AppHttp.Response response = target.sophie.upload("POST", AppApiTarget.INSTANCES, contentType, null, body);

    AppApiTarget.assertRefused(new String(body, StandardCharsets.UTF_8), response);
    assertThat(target.snapshot()).isEqualTo(before);
  }

  @Property(tries = 150)
  void aBadPathIsRefused(@ForAll("badPaths") String path) {
    Statistics.label("endpoint").collect("GET/PUT paths");
    String before = target.snapshot();

    AppHttp.Response response = path.endsWith("/process/next") ? target.sophie.put(path, null)
        : target.sophie.get(path);

    AppApiTarget.assertRefused(path, response);
    assertThat(target.snapshot()).isEqualTo(before);
  }

  @Property(tries = 100)
  void aBadProcessActionIsRefusedAndTheProcessStays(@ForAll("badActions") String body) {
    Statistics.label("endpoint").collect("PUT process/next");
    String before = target.snapshot();

    AppHttp.Response response = target.sophie.put(target.instance + "/process/next", body);

    AppApiTarget.assertRefused(body, response);
    assertThat(target.snapshot()).isEqualTo(before);
  }

  @Property(tries = 150)
  void aHostileFileNameIsKeptExactlyOrRefused(@ForAll("fileNames") String name) {
    Statistics.label("endpoint").collect("POST data (file name)");
    String before = target.snapshot();
    String disposition = "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8)
        .replace("+", "%20");

    AppHttp.Response response = target.sophie.send("POST", target.instance + "/data?dataType=certificate",
        "application/pdf", disposition, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));

    if (response.status() == 201) {
      Statistics.label("file name").collect("kept");
      assertThat(response.json().get("filename").asString()).isEqualTo(name);
      assertThat(response.json().get("blobStoragePath").asString())
          .matches("test/sailor/[0-9a-f-]{36}/data/[0-9a-f-]{36}");
      assertThat(target.sophie.delete(AppHttp.pathOf(response.json().at("/selfLinks/apps").asString())).status())
          .isEqualTo(200);
    } else {
      Statistics.label("file name").collect("refused");
      AppApiTarget.assertRefused(name, response);
      assertThat(target.snapshot()).isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<String> badTemplates() {
    Arbitrary<String> valid = Arbitraries.of("{\"instanceOwner\":{\"partyId\":\"501337\"}}",
        "{\"instanceOwner\":{\"personNumber\":\"01039012345\"},\"dueBefore\":\"2030-01-01T00:00:00Z\"}");
    Arbitrary<String> prefix = valid.flatMap(s -> Arbitraries.integers().between(1, s.length() - 1)
        .map(n -> s.substring(0, n)));
    Arbitrary<String> deep = Arbitraries.integers().between(40, 400)
        .map(depth -> "{\"instanceOwner\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    Arbitrary<String> wrongType = Combinators.combine(
            Arbitraries.of("instanceOwner", "dueBefore", "visibleAfter", "prefill", "sourceInstanceId"),
            Arbitraries.of("[]", "[1]", "{\"a\":[]}", "true", "\"x\"", "12.5"))
        .as((field, value) -> "{\"instanceOwner\":{\"partyId\":\"501337\"}," + "\"" + field + "\":" + value + "}")
        .filter(body -> !body.contains("\"sourceInstanceId\":\"x\""));
    Arbitrary<String> notUtc = Combinators.combine(Arbitraries.of("dueBefore", "visibleAfter"),
            Arbitraries.of("2030-01-01T00:00:00+02:00", "2030-01-01", "2030-13-01T00:00:00Z", "tomorrow",
                "2030-01-01T00:00:00", "1/1/2030", ""))
        .as((field, date) -> "{\"instanceOwner\":{\"partyId\":\"501337\"},\"" + field + "\":\"" + date + "\"}")
        .filter(body -> !body.endsWith("\"\"}"));
    Arbitrary<String> badOwner = Arbitraries.of("{\"instanceOwner\":{\"partyId\":\"-1\"}}",
        "{\"instanceOwner\":{\"partyId\":\"99999999999999999999\"}}", "{\"instanceOwner\":{}}",
        "{\"instanceOwner\":{\"personNumber\":\"0\"}}", "{\"instanceOwner\":{\"organisationNumber\":\"x\"}}",
        "{\"instanceOwner\":{\"partyId\":\"512345\"}}", "[]", "\"instance\"", "null0");
    return Arbitraries.oneOf(prefix, deep, wrongType, notUtc, badOwner);
  }

  @Provide
  Arbitrary<String> boundaries() {
    return Arbitraries.of("multipart/form-data; boundary=b0undary", "multipart/form-data",
        "multipart/form-data; boundary=", "multipart/mixed; boundary=b0undary");
  }

  @Provide
  Arbitrary<byte[]> badMultipart() {
    String instance = "{\"instanceOwner\":{\"partyId\":\"501337\"}}";
    Arbitrary<String> unterminated = Arbitraries.integers().between(0, 60).map(cut -> {
      String whole = "--b0undary\r\nContent-Disposition: form-data; name=\"instance\"\r\n"
          + "Content-Type: application/json\r\n\r\n" + instance + "\r\n";
      return whole.substring(0, Math.min(cut, whole.length()));
    });
    Arbitrary<String> noName = Arbitraries.of("--b0undary\r\nContent-Disposition: form-data\r\n\r\n" + instance
        + "\r\n--b0undary--\r\n");
    Arbitrary<String> wrongFirst = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
        .filter(name -> !name.equals("instance"))
        .map(name -> "--b0undary\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + instance
            + "\r\n--b0undary--\r\n");
    Arbitrary<String> badPart = Combinators.combine(
            // Not an empty name: the servlet container drops such a part, so the request is the instance alone.
            Arbitraries.of("boatdata", "certificate", "crewlist", "unknown"),
            Arbitraries.of("", "Content-Type: text/plain\r\n", "Content-Type: application/pdf\r\n",
                "Content-Type: \r\n"),
            Arbitraries.of("", "{", "<x>", "%PDF"))
        .as((name, type, content) -> "--b0undary\r\nContent-Disposition: form-data; name=\"instance\"\r\n\r\n"
            + instance + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n" + type
            + "\r\n" + content + "\r\n--b0undary--\r\n")
        .filter(body -> !(body.contains("name=\"certificate\"\r\nContent-Type: application/pdf")));
    return Arbitraries.oneOf(unterminated, noName, wrongFirst, badPart)
        .map(text -> text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> badPaths() {
    Arbitrary<String> party = Arbitraries.of("abc", "-1", "1.5", "99999999999999999999", "%00", "%2e%2e", "0x10");
    Arbitrary<String> guid = Arbitraries.of("not-a-guid", "123", "%2e%2e", UUID.randomUUID() + "x", "%7Bguid%7D", "%20");
    Arbitrary<String> good = Arbitraries.just("501337/" + UUID.randomUUID());
    Arbitrary<String> suffix = Arbitraries.of("", "/process", "/process/history", "/process/next", "/data/x",
        "/data/" + UUID.randomUUID());
    return Arbitraries.oneOf(
        Combinators.combine(party, guid, suffix).as((p, g, s) -> AppApiTarget.INSTANCES + "/" + p + "/" + g + s),
        Combinators.combine(good, suffix).as((g, s) -> AppApiTarget.INSTANCES + "/" + g + s)
            .filter(path -> !path.endsWith("/data/x")),
        party.map(p -> AppApiTarget.INSTANCES + "/" + p + "/active"));
  }

  @Provide
  Arbitrary<String> badActions() {
    return Arbitraries.oneOf(
        Arbitraries.of("{", "[]", "{\"action\":1}", "{\"action\":[]}", "{\"action\":{}}", "\"write\"", "nul"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30)
            .filter(action -> !action.equals("write"))
            .map(action -> "{\"action\":\"" + action + "\"}"),
        Arbitraries.just("{\"action\":\"write\"}"));
  }

  /** Path traversal, control characters, very long names, non-ASCII, names without an extension. */
  @Provide
  Arbitrary<String> fileNames() {
    return Arbitraries.oneOf(
        Arbitraries.of("../../etc/passwd.pdf", "..\\..\\boot.ini.pdf", "/abs/olute.pdf", "a/b.pdf", "C:\\x.pdf",
            "name\u0000.pdf", "line\nbreak.pdf", "tab\tname.pdf", "bell\u0007.pdf", "noextension", ".pdf", "x.",
            "sertifikat æøå.pdf", "证书.pdf", "🚢.pdf", "x".repeat(1000) + ".pdf", "x".repeat(200) + ".pdf"),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60)
            .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))
            .map(s -> s + ".pdf"));
  }
}
