package no.instanceplatform.storage.hostile;

import static no.instanceplatform.storage.hostile.HostileTarget.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeProperty;
import no.instanceplatform.storage.support.RawHttp;
import org.springframework.http.ContentDisposition;
import tools.jackson.databind.JsonNode;

/**
 * Generated hostile uploads ({@code POST .../data}): malformed multipart bodies, hostile file names in
 * Content-Disposition, and wrong or missing content types. A refused upload is a 4xx problem and leaves no element
 * and no blob; an accepted one keeps the file name exactly and its bytes under Storage's own blob path.
 */
class UploadProperties {

  private static final List<String> ATTACHMENT_TYPES = List.of("application/pdf", "image/png");

  private HostileTarget target;

  @BeforeProperty
  void aFreshInstance() {
    target = new HostileTarget();
  }

  /** A multipart body and its Content-Type header, broken in one way. */
  record Multipart(String kind, String contentType, String body) {}

  @Property(tries = 150)
  void aMalformedMultipartUploadIsRefusedAndStoresNothing(@ForAll("malformedMultipart") Multipart upload) {
    Statistics.label("broken").collect(upload.kind());
    Map<String, Object> before = target.snapshot();

    RawHttp.Response response = target.send("POST", target.instance + "/data?dataType=attachment", USER,
        upload.contentType(), upload.body().getBytes(StandardCharsets.UTF_8), Map.of());

    HostileTarget.assertRefused(upload.kind() + ": " + upload.body(), response);
    assertThat(target.snapshot()).as(upload.kind()).isEqualTo(before);
  }

  @Property(tries = 200)
  void aHostileFileNameIsRefusedOrKeptExactly(@ForAll("fileNames") String name) {
    Map<String, Object> before = target.snapshot();
    String disposition = "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8)
        .replace("+", "%20");

    RawHttp.Response response = target.send("POST", target.instance + "/data?dataType=any", USER, "text/plain",
        "content".getBytes(StandardCharsets.UTF_8), Map.of("Content-Disposition", disposition));

    // A blank name is no name; any other is kept as sent, spaces at its ends included.
    String kept = name.isBlank() ? "" : name;
    boolean refusable = kept.codePoints().anyMatch(Character::isISOControl)
        || kept.codePointCount(0, kept.length()) > 255;
    Statistics.label("outcome").collect(refusable ? "refused" : "kept");
    if (refusable) {
      HostileTarget.assertRefused(name, response);
      assertThat(response.json().path("detail").asString()).contains("file name");
      assertThat(target.snapshot()).isEqualTo(before);
      return;
    }
    assertThat(response.status()).as(name + " -> " + response).isEqualTo(201);
    JsonNode element = response.json();
    String id = element.path("id").asString();
    assertThat(element.path("filename").isNull() ? "" : element.path("filename").asString()).isEqualTo(kept);
    assertThat(element.path("blobStoragePath").asString())
        .isEqualTo(HostileTarget.APP_ID + "/" + target.instanceGuid + "/data/" + id)
        .matches("ttd/hostile-app/[0-9a-f-]{36}/data/[0-9a-f-]{36}");
    RawHttp.Response download = target.send("GET", target.instance + "/data/" + id, USER, null, null);
    assertThat(download.body()).isEqualTo("content");
    if (!kept.isEmpty()) {
      String header = download.header("Content-Disposition");
      assertThat(header).as("sent as printable ASCII").matches("[\\x20-\\x7E]*");
      assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo(kept);
    }
  }

  @Property(tries = 150)
  void aContentTypeTheDataTypeDoesNotAllowIsRefused(@ForAll("contentTypes") String contentType) {
    Map<String, Object> before = target.snapshot();

    RawHttp.Response response = target.send("POST", target.instance + "/data?dataType=attachment", USER,
        contentType, "%PDF-1.4".getBytes(StandardCharsets.UTF_8), Map.of());

    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    Statistics.label("outcome").collect(ATTACHMENT_TYPES.contains(mediaType) ? "allowed" : "refused");
    if (ATTACHMENT_TYPES.contains(mediaType)) {
      assertThat(response.status()).as(contentType + " -> " + response).isEqualTo(201);
      assertThat(response.json().path("contentType").asString()).isEqualTo(contentType);
      return;
    }
    HostileTarget.assertRefused(contentType, response);
    // Tomcat reads a form body as parameters, and "%PDF-1.4" is a malformed one, before Storage sees the type.
    assertThat(response.status()).as(contentType)
        .isEqualTo(mediaType.equals("application/x-www-form-urlencoded") ? 400 : 415);
    assertThat(target.snapshot()).isEqualTo(before);
  }

  @Provide
  Arbitrary<Multipart> malformedMultipart() {
    Arbitrary<String> boundary = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30);
    Arbitrary<String> content = Arbitraries.strings().alpha().numeric().withChars(' ', '\n').ofMaxLength(200);
    return Combinators.combine(Arbitraries.of(Broken.values()), boundary, content)
        .as((kind, b, c) -> kind.body(b, c));
  }

  /** The ways a multipart body breaks. */
  enum Broken {
    UNTERMINATED, NO_BOUNDARY_PARAMETER, OTHER_BOUNDARY, NO_HEADER_END, NO_PARTS, NO_CONTENT_DISPOSITION, NO_NAME,
    NO_PART_CONTENT_TYPE, GARBAGE;

    Multipart body(String boundary, String content) {
      String part = "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n" + content + "\r\n";
      String type = "multipart/form-data; boundary=" + boundary;
      String open = "--" + boundary + "\r\n";
      String close = "--" + boundary + "--\r\n";
      return switch (this) {
        case UNTERMINATED -> new Multipart(name(), type, open + part);
        case NO_BOUNDARY_PARAMETER -> new Multipart(name(), "multipart/form-data", open + part + close);
        case OTHER_BOUNDARY -> new Multipart(name(), type, "--x" + open + part + "--x" + close);
        case NO_HEADER_END -> new Multipart(name(), type,
            open + "Content-Disposition: form-data; name=\"file\"\r\n" + content + close);
        case NO_PARTS -> new Multipart(name(), type, close);
        case NO_CONTENT_DISPOSITION -> new Multipart(name(), type,
            open + "Content-Type: application/pdf\r\n\r\n" + content + "\r\n" + close);
        case NO_NAME -> new Multipart(name(), type, open + "Content-Disposition: form-data; filename=\"a.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n" + content + "\r\n" + close);
        case NO_PART_CONTENT_TYPE -> new Multipart(name(), type,
            open + "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n" + content + "\r\n"
                + close);
        case GARBAGE -> new Multipart(name(), type, content + "\r\n" + content);
      };
    }
  }

  /**
   * File names a client might send: path traversal, separators, control characters, up to 1,000 characters, any
   * script (combining marks, right-to-left overrides, emoji), and blanks.
   */
  @Provide
  Arbitrary<String> fileNames() {
    Arbitrary<String> traversal = Arbitraries.of("../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow",
        "C:\\boot.ini", "a/../../b.pdf", ".", "..", "....//x", "%2e%2e%2f", "~/.ssh/id_rsa");
    Arbitrary<String> control = Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u0085')
        .ofMinLength(1).ofMaxLength(3).map(c -> "a" + c + "b.pdf");
    Arbitrary<String> lengths = Arbitraries.integers().between(200, 1000).map(n -> "x".repeat(n) + ".pdf");
    Arbitrary<String> scripts = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60)
        .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    Arbitrary<String> tricky = Arbitraries.of("søknad æøå.pdf", "\u202Efdp.exe", "e\u0301.pdf", "\uD83D\uDE00.png",
        "名前.pdf", "  padded.pdf  ", " ", "a\"b.pdf", "a;b=c.pdf", "a%20b.pdf", "a'b.pdf", "CON", "nul.txt");
    return Arbitraries.oneOf(traversal, control, lengths, scripts, tricky);
  }

  /** Content types of every shape but multipart (which is a body of parts, see above), and none at all. */
  @Provide
  Arbitrary<String> contentTypes() {
    Arbitrary<String> token = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '+', '.').ofMinLength(1)
        .ofMaxLength(15);
    Arbitrary<String> random = Combinators.combine(token, token).as((type, sub) -> type + "/" + sub)
        .filter(type -> !type.startsWith("multipart/"));
    Arbitrary<String> nearMisses = Arbitraries.of("application/pdfx", "application/ pdf", "application/x-pdf",
        "image/png2", "image/jpeg", "application/xml", "text/plain", "application/octet-stream", "pdf", "/",
        "application/", "*/*", "application/*", "APPLICATION/PDF", "Image/PNG; charset=utf-8",
        "application/pdf;;", "application/x-www-form-urlencoded");
    return Arbitraries.oneOf(random, nearMisses).injectNull(0.05);
  }
}
