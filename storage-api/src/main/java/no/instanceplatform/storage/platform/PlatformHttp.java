package no.instanceplatform.storage.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import no.instanceplatform.security.CallerAuthentication;
import no.instanceplatform.storage.common.StorageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Calls a platform service on behalf of the current caller (with the caller's own token, as Altinn's services
 * do), with timeouts; a service that does not answer is a 503 for our caller, never a 500 or a hang.
 */
final class PlatformHttp {

  private final RestClient http;
  private final String service;

  PlatformHttp(RestClient.Builder builder, String service) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.http = builder.clone().requestFactory(requests).build();
    this.service = service;
  }

  static URI required(URI url, String property, String example) {
    if (url == null || url.toString().isBlank()) {
      throw new IllegalStateException("Set " + property + " (for example " + example + ").");
    }
    return url;
  }

  /** The answer; any failure, a 404 included (a wrong URL), means the service is not usable now. */
  JsonNode get(URI uri) {
    return call(() -> http.get().uri(uri).headers(h -> h.setBearerAuth(currentToken())).retrieve()
        .body(JsonNode.class), false).orElse(null);
  }

  /** The answer, or empty when the service says there is no such thing (404). */
  Optional<JsonNode> lookup(URI uri, Object body) {
    return call(() -> http.post().uri(uri).headers(h -> h.setBearerAuth(currentToken())).body(body).retrieve()
        .body(JsonNode.class), true);
  }

  private Optional<JsonNode> call(Supplier<JsonNode> request, boolean notFoundIsEmpty) {
    try {
      return Optional.ofNullable(request.get());
    } catch (HttpClientErrorException e) {
      if (notFoundIsEmpty && e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
        return Optional.empty();
      }
      throw unavailable();
    } catch (RestClientException e) {
      throw unavailable();
    }
  }

  private StorageException unavailable() {
    return StorageException.unavailable("The " + service + " did not answer. Try again shortly.");
  }

  private static String currentToken() {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
      return authentication.getCredentials().getTokenValue();
    }
    throw new IllegalStateException("Platform services are called on behalf of an authenticated caller only");
  }
}
