package no.instanceplatform.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for a service under test, calling with one bearer token (or none). */
public final class AppHttp {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String baseUrl;
  private final String token;

  public AppHttp(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * The path and query of a link, to follow it on this client's host: Storage writes the App API's links with its
   * configured public address, which in tests is not the random port the App API listens on.
   */
  public static String pathOf(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  public Response get(String path) {
    return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
  }

  public Response delete(String path) {
    return send("DELETE", path, null, HttpRequest.BodyPublishers.noBody());
  }

  /** Sends {@code body} as JSON: a String verbatim, anything else serialized; null sends no body. */
  public Response post(String path, Object body) {
    return json("POST", path, body);
  }

  public Response put(String path, Object body) {
    return json("PUT", path, body);
  }

  /** Sends bytes with a content type and, when {@code filename} is given, a Content-Disposition naming it. */
  public Response upload(String method, String path, String contentType, String filename, byte[] content) {
    return send(method, path, contentType, filename == null ? null : "attachment; filename=\"" + filename + "\"",
        content);
  }

  /** Sends bytes with a content type and, when given, this Content-Disposition header as it is. */
  public Response send(String method, String path, String contentType, String contentDisposition, byte[] content) {
    List<String> headers = new ArrayList<>(List.of("Content-Type", contentType));
    if (contentDisposition != null) {
      headers.addAll(List.of("Content-Disposition", contentDisposition));
    }
    return send(method, path, headers, HttpRequest.BodyPublishers.ofByteArray(content));
  }

  public Response multipart(String path, Multipart body) {
    return send("POST", path, List.of("Content-Type", body.contentType()),
        HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
  }

  private Response json(String method, String path, Object body) {
    if (body == null) {
      return send(method, path, null, HttpRequest.BodyPublishers.noBody());
    }
    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(method, path, List.of("Content-Type", "application/json"),
        HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
  }

  private Response send(String method, String path, List<String> headers, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (headers != null) {
      for (int i = 0; i < headers.size(); i += 2) {
        request.header(headers.get(i), headers.get(i + 1));
      }
    }
    try {
      return new Response(CLIENT.send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer: status, headers, and the body as bytes, text or JSON. */
  public record Response(HttpResponse<byte[]> raw) {

    public int status() {
      return raw.statusCode();
    }

    public byte[] bytes() {
      return raw.body();
    }

    public String text() {
      return new String(raw.body(), StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    @Override
    public String toString() {
      return status() + " " + text();
    }
  }

  /** A multipart/form-data body built part by part, in order. */
  public static final class Multipart {

    private final String boundary = "part-" + UUID.randomUUID();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** A part named {@code name}; {@code filename} and {@code contentType} are left out when null. */
    public Multipart part(String name, String contentType, String filename, byte[] content) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(name).append('"');
      if (filename != null) {
        head.append("; filename=\"").append(filename).append('"');
      }
      head.append("\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("\r\n");
      bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      bytes.writeBytes(content);
      bytes.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      return this;
    }

    public Multipart part(String name, String contentType, String content) {
      return part(name, contentType, null, content.getBytes(StandardCharsets.UTF_8));
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(bytes.toByteArray());
      all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return all.toByteArray();
    }
  }
}
