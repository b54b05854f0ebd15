package no.instanceplatform.app.storageclient;

import java.net.URI;
import no.instanceplatform.model.Application;
import no.instanceplatform.model.TextResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Storage's applications and texts, its health, and the local platform's test tokens. Every call carries the bearer
 * token it is given: the caller's, so that Storage decides with the caller's rights, or the app deployment's.
 */
@Component
public class StorageClient {

  private final StorageCalls calls;

  StorageClient(StorageCalls calls) {
    this.calls = calls;
  }

  /** Answers the metadata of {@code org/app}; {@code token} may be null, as metadata is read anonymously. */
  public Application getApplication(String appId, String token) {
    AppRef app = AppRef.parse(appId);
    return calls.read(() -> calls.http().get().uri(calls.api() + "/applications/{org}/{app}", app.org(), app.app())
        .headers(headers -> StorageCalls.bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(Application.class));
  }

  /** Registers or replaces an app's metadata: needs an {@code altinn:appdeploy} token of the app's org. */
  public Application upsertApplication(String appId, Application application, String token) {
    AppRef.parse(appId);
    return calls.write(() -> calls.http().post().uri(calls.api() + "/applications?appId={appId}", appId)
        .headers(headers -> StorageCalls.bearer(headers, token))
        .contentType(MediaType.APPLICATION_JSON).body(application)
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(Application.class));
  }

  /** Answers the app's texts in {@code language}; Storage answers 404 when there are none. */
  public TextResource getTexts(String appId, String language, String token) {
    AppRef app = AppRef.parse(appId);
    return calls.read(() -> calls.http().get().uri(calls.api() + "/applications/{org}/{app}/texts/{language}",
            app.org(), app.app(), language)
        .headers(headers -> StorageCalls.bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(TextResource.class));
  }

  /** Stores the texts of the body's language, replacing those already stored for it. */
  public TextResource upsertTexts(String appId, TextResource texts, String token) {
    AppRef app = AppRef.parse(appId);
    return calls.write(() -> calls.http().post().uri(calls.api() + "/applications/{org}/{app}/texts",
            app.org(), app.app())
        .headers(headers -> StorageCalls.bearer(headers, token))
        .contentType(MediaType.APPLICATION_JSON).body(texts)
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(TextResource.class));
  }

  /** A test token of the local platform (LocalTest's {@code GET /Home/GetTestOrgToken/{org}}). */
  public String localOrgToken(String org, String scopes) {
    return calls.read(() -> calls.http().get().uri(calls.root() + "/Home/GetTestOrgToken/{org}?scopes={scopes}",
            org, scopes)
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(String.class)).strip();
  }

  /** Whether Storage's health endpoint answers 200 (any other answer, or none, is false). */
  public boolean healthy() {
    try {
      return calls.http().get().uri(URI.create(calls.root() + "/actuator/health"))
          .exchange((request, response) -> response.getStatusCode().is2xxSuccessful());
    } catch (ResourceAccessException e) {
      return false;
    }
  }

  /** Where Storage is, for health details and log lines (never with credentials: it is configuration). */
  public String location() {
    return calls.api();
  }
}
