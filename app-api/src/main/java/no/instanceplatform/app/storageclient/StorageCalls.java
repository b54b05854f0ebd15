package no.instanceplatform.app.storageclient;

import java.io.IOException;
import java.util.function.Supplier;
import no.instanceplatform.app.AppProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every call to Storage and the platform shares: the HTTP client, where they are, how refusals and silence
 * become exceptions, and which calls may be tried again. Reads are retried on connection failures (not on status
 * answers: Storage has decided, and a 503 is the caller's to retry); writes never, as repeating one whose answer was
 * lost could apply it twice. Retrying here rather than in a request interceptor keeps request bodies streamed: an
 * interceptor makes the client buffer every upload in memory.
 */
@Component
class StorageCalls {

  static final int READ_RETRIES = 2;

  private final RestClient http;
  private final String api;
  private final String root;
  private final String platform;
  private final JsonMapper json;
  private final RestClient.ResponseSpec.ErrorHandler refusal;

  StorageCalls(RestClient storageRestClient, AppProperties properties, JsonMapper json) {
    this.http = storageRestClient;
    this.api = properties.storageUrl().toString().replaceAll("/+$", "");
    this.root = properties.storageRoot().toString();
    this.platform = properties.platformRoot().toString();
    this.json = json;
    StorageProblems problems = new StorageProblems(json);
    this.refusal = (request, response) -> {
      throw problems.from(response);
    };
  }

  RestClient http() {
    return http;
  }

  /** Storage's API base, {@code .../storage/api/v1}. */
  String api() {
    return api;
  }

  /** Storage's root, where its actuator and its local platform are. */
  String root() {
    return root;
  }

  /** Where the platform's Register and Profile are (Storage's local platform unless configured). */
  String platform() {
    return platform;
  }

  /** The App API's JSON mapper, with its limits, for what is read from Storage's answers without binding. */
  JsonMapper json() {
    return json;
  }

  /** Storage's URL of an instance, {@code .../instances/{partyId}/{instanceGuid}}. */
  String instanceUrl(InstanceRef instance) {
    return api + "/instances/" + instance.partyId() + "/" + instance.guid();
  }

  /** Turns an error status into {@link StorageProblemException} or {@link StorageUnavailableException}. */
  RestClient.ResponseSpec.ErrorHandler refusal() {
    return refusal;
  }

  <T> T read(Supplier<T> request) {
    RestClientException last = null;
    for (int attempt = 0; attempt <= READ_RETRIES; attempt++) {
      try {
        return request.get();
      } catch (RestClientException e) {
        last = requireConnectionFailure(e);
      }
    }
    throw unavailable(last);
  }

  <T> T write(Supplier<T> request) {
    try {
      return request.get();
    } catch (RestClientException e) {
      throw unavailable(requireConnectionFailure(e));
    }
  }

  static void bearer(HttpHeaders headers, String token) {
    if (token != null && !token.isBlank()) {
      headers.setBearerAuth(token);
    }
  }

  /**
   * A connection that fails, or times out, before the request is sent is a {@link ResourceAccessException}; one that
   * breaks while the answer is read surfaces as a {@link RestClientException} around the {@link IOException}. Both
   * mean Storage did not answer; anything else is a fault of ours and is thrown on as it is.
   */
  private static RestClientException requireConnectionFailure(RestClientException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResourceAccessException || cause instanceof IOException) {
        return e;
      }
    }
    throw e;
  }

  private static StorageUnavailableException unavailable(RestClientException e) {
    return new StorageUnavailableException("Storage did not answer: " + e.getMessage(), e);
  }
}
