package no.instanceplatform.app.storageclient;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Storage's error answers (RFC 9457 problems) into exceptions that keep their status and detail. */
final class StorageProblems {

  private static final int MAX_BODY = 16 * 1024;

  private final JsonMapper json;

  StorageProblems(JsonMapper json) {
    this.json = json;
  }

  RuntimeException from(ClientHttpResponse response) throws IOException {
    HttpStatusCode status = response.getStatusCode();
    String detail = detail(response);
    if (status.value() == 503) {
      // Storage is up but a dependency of its own is not: the same advice to the caller, try again shortly.
      return new StorageUnavailableException("Storage is unavailable: " + detail, null);
    }
    return new StorageProblemException(status.value(), detail);
  }

  /** Storage's detail when it sent a problem; otherwise a plain statement, never the body (it may be anything). */
  private String detail(ClientHttpResponse response) throws IOException {
    String fallback = "Storage answered " + response.getStatusCode().value() + ".";
    try (InputStream body = response.getBody()) {
      byte[] bytes = body.readNBytes(MAX_BODY);
      if (bytes.length == 0) {
        return fallback;
      }
      JsonNode problem = json.readTree(bytes);
      JsonNode detail = problem.get("detail");
      return detail != null && detail.isString() ? detail.asString() : fallback;
    } catch (JacksonException e) {
      return fallback;
    }
  }
}
