package no.instanceplatform.storage.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Sends bytes over a socket as they are, for the requests a well-behaved client library refuses to send: a
 * malformed request target, invalid UTF-8, a broken multipart body. Answers status, headers and body.
 */
public final class RawHttp {

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** An answer; header names are lower case. */
  public record Response(int status, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonNode json() {
      return StorageHttp.JSON.readTree(body);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /**
   * Sends {@code method target HTTP/1.1} with the headers (each {@code Name: value}), a Content-Length when there
   * is a body, and the body's bytes.
   */
  public Response send(String method, String target, Map<String, String> headers, byte[] body) {
    return send(method, target, headers, body == null ? -1 : body.length, body);
  }

  /**
   * As {@link #send}, but declares {@code declaredLength} bytes, sends only {@code body}, and then closes its side
   * of the connection: a client that stopped before the end of its body.
   */
  public Response sendCut(String method, String target, Map<String, String> headers, long declaredLength,
      byte[] body) {
    return send(method, target, headers, declaredLength, body);
  }

  private Response send(String method, String target, Map<String, String> headers, long declaredLength,
      byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (declaredLength >= 0) {
      head.append("Content-Length: ").append(declaredLength).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      if (body != null && body.length < declaredLength) {
        socket.shutdownOutput();
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked(in) : in.readAllBytes();
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
      body.write(in.readNBytes(size));
      line(in);
    }
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
