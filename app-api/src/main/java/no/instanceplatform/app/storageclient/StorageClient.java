package no.instanceplatform.app.storageclient;

import java.net.URI;
import java.util.function.Supplier;
import no.instanceplatform.app.AppProperties;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.TextResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only way the App API reaches Storage (and the local platform it hosts). Every call carries the bearer token it
 * is given: the caller's, so that Storage decides with the caller's rights, or the app deployment's. Storage's
 * refusals become {@link StorageProblemException}; an unreachable Storage becomes {@link StorageUnavailableException}.
 */
@Component
public class StorageClient {

  private final RestClient http;
  private final String api;
  private final String root;
  private final RestClient.ResponseSpec.ErrorHandler refusal;

  StorageClient(RestClient storageRestClient, AppProperties properties, JsonMapper json) {
    this.http = storageRestClient;
    this.api = properties.storageUrl().toString().replaceAll("/+$", "");
    this.root = properties.storageRoot().toString();
    StorageProblems problems = new StorageProblems(json);
    this.refusal = (request, response) -> {
      throw problems.from(response);
    };
  }

  /** Answers the metadata of {@code org/app}; {@code token} may be null, as metadata is read anonymously. */
  public Application getApplication(String appId, String token) {
    AppRef app = AppRef.parse(appId);
    return call(() -> http.get().uri(api + "/applications/{org}/{app}", app.org(), app.app())
        .headers(headers -> bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, refusal)
        .body(Application.class));
  }

  /** Registers or replaces an app's metadata: needs an {@code altinn:appdeploy} token of the app's org. */
  public Application upsertApplication(String appId, Application application, String token) {
    AppRef.parse(appId);
    return call(() -> http.post().uri(api + "/applications?appId={appId}", appId)
        .headers(headers -> bearer(headers, token))
        .contentType(MediaType.APPLICATION_JSON).body(application)
        .retrieve().onStatus(HttpStatusCode::isError, refusal)
        .body(Application.class));
  }

  /** Answers the app's texts in {@code language}; Storage answers 404 when there are none. */
  public TextResource getTexts(String appId, String language, String token) {
    AppRef app = AppRef.parse(appId);
    return call(() -> http.get().uri(api + "/applications/{org}/{app}/texts/{language}",
            app.org(), app.app(), language)
        .headers(headers -> bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, refusal)
        .body(TextResource.class));
  }

  /** Stores the texts of the body's language, replacing those already stored for it. */
  public TextResource upsertTexts(String appId, TextResource texts, String token) {
    AppRef app = AppRef.parse(appId);
    return call(() -> http.post().uri(api + "/applications/{org}/{app}/texts", app.org(), app.app())
        .headers(headers -> bearer(headers, token))
        .contentType(MediaType.APPLICATION_JSON).body(texts)
        .retrieve().onStatus(HttpStatusCode::isError, refusal)
        .body(TextResource.class));
  }

  /** A test token of the local platform (LocalTest's {@code GET /Home/GetTestOrgToken/{org}}). */
  public String localOrgToken(String org, String scopes) {
    return call(() -> http.get().uri(root + "/Home/GetTestOrgToken/{org}?scopes={scopes}", org, scopes)
        .retrieve().onStatus(HttpStatusCode::isError, refusal)
        .body(String.class)).strip();
  }

  /** Whether Storage's health endpoint answers 200 (any other answer, or none, is false). */
  public boolean healthy() {
    try {
      return http.get().uri(URI.create(root + "/actuator/health"))
          .exchange((request, response) -> response.getStatusCode().is2xxSuccessful());
    } catch (ResourceAccessException e) {
      return false;
    }
  }

  /** Where Storage is, for health details and log lines (never with credentials: it is configuration). */
  public String location() {
    return api;
  }

  private static void bearer(HttpHeaders headers, String token) {
    if (token != null && !token.isBlank()) {
      headers.setBearerAuth(token);
    }
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ResourceAccessException e) {
      throw new StorageUnavailableException("Storage did not answer: " + e.getMessage(), e);
    }
  }
}
