package no.instanceplatform.app.storageclient;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.instanceplatform.model.DataValues;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.InstanceQueryResponse;
import no.instanceplatform.model.PresentationTexts;
import no.instanceplatform.model.ProcessHistoryList;
import no.instanceplatform.model.ProcessStateUpdate;
import no.instanceplatform.model.ReadStatus;
import no.instanceplatform.model.Substatus;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Storage's instance endpoints, called with the caller's token so that Storage decides with the caller's rights. */
@Component
public class InstanceClient {

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final StorageCalls calls;

  InstanceClient(StorageCalls calls) {
    this.calls = calls;
  }

  /**
   * Creates the instance; sent again with the same {@code idempotencyKey} (after its answer was lost), it answers
   * the instance the first call made.
   */
  public Instance create(String appId, Instance template, String token, String idempotencyKey) {
    AppRef.parse(appId);
    return calls.write(() -> calls.http().post().uri(calls.api() + "/instances?appId={appId}", appId)
        .headers(headers -> StorageCalls.bearer(headers, token))
        .header(IDEMPOTENCY_KEY, idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON).body(template)
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(Instance.class));
  }

  public Instance get(InstanceRef instance, String token) {
    return get(instance, token, Instance.class);
  }

  /** The instance as Storage wrote it, passed on without binding it (see {@link InstanceJson}). */
  public InstanceJson getJson(InstanceRef instance, String token) {
    return InstanceJson.read(calls.json(), get(instance, token, byte[].class));
  }

  private <T> T get(InstanceRef instance, String token, Class<T> type) {
    return calls.read(() -> calls.http().get().uri(calls.instanceUrl(instance))
        .headers(headers -> StorageCalls.bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(type));
  }

  public Instance delete(InstanceRef instance, boolean hard, String token) {
    return send(HttpMethod.DELETE, calls.instanceUrl(instance) + "?hard=" + hard, null, token);
  }

  public Instance complete(InstanceRef instance, String token) {
    return send(HttpMethod.POST, calls.instanceUrl(instance) + "/complete", null, token);
  }

  /** Sets the read status; Storage's answer, the instance as changed, is passed on without binding it. */
  public InstanceJson updateReadStatus(InstanceRef instance, ReadStatus status, String token) {
    return InstanceJson.read(calls.json(), send(HttpMethod.PUT,
        calls.instanceUrl(instance) + "/readstatus?status=" + status.name(), null, token, byte[].class));
  }

  public Instance updateSubstatus(InstanceRef instance, Substatus substatus, String token) {
    return send(HttpMethod.PUT, calls.instanceUrl(instance) + "/substatus", substatus, token);
  }

  public Instance updatePresentationTexts(InstanceRef instance, Map<String, String> texts, String token) {
    return send(HttpMethod.PUT, calls.instanceUrl(instance) + "/presentationtexts", new PresentationTexts(texts), token);
  }

  public Instance updateDataValues(InstanceRef instance, Map<String, String> values, String token) {
    return send(HttpMethod.PUT, calls.instanceUrl(instance) + "/datavalues", new DataValues(values), token);
  }

  /** Stores a process move: the new state and the events recording it, in one write. */
  public Instance updateProcess(InstanceRef instance, ProcessStateUpdate update, String token) {
    return send(HttpMethod.PUT, calls.instanceUrl(instance) + "/process/instanceandevents", update, token);
  }

  public ProcessHistoryList processHistory(InstanceRef instance, String token) {
    return calls.read(() -> calls.http().get().uri(calls.instanceUrl(instance) + "/process/history")
        .headers(headers -> StorageCalls.bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(ProcessHistoryList.class));
  }

  /**
   * Every instance of the app that the party owns and that is neither archived nor deleted, all pages of Storage's
   * query followed (the continuation token is taken from {@code next}, the host is ours).
   */
  public List<Instance> activeInstances(String appId, long partyId, String token) {
    List<Instance> found = new ArrayList<>();
    String continuation = null;
    do {
      UriComponentsBuilder query = UriComponentsBuilder.fromUriString(calls.api() + "/instances")
          .queryParam("appId", appId)
          .queryParam("instanceOwner.partyId", partyId)
          .queryParam("status.isArchived", false)
          .queryParam("status.isSoftDeleted", false)
          .queryParam("status.isHardDeleted", false)
          .queryParam("size", 1000);
      if (continuation != null) {
        query.queryParam("continuationToken", continuation);
      }
      String url = query.encode().build().toUriString();
      InstanceQueryResponse page = calls.read(() -> calls.http().get().uri(URI.create(url))
          .headers(headers -> StorageCalls.bearer(headers, token))
          .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
          .body(InstanceQueryResponse.class));
      found.addAll(page.instances());
      continuation = page.next() == null ? null : continuationToken(page.next());
    } while (continuation != null);
    return found;
  }

  private static String continuationToken(String next) {
    String token = UriComponentsBuilder.fromUriString(next).build().getQueryParams().getFirst("continuationToken");
    return token == null ? null : URLDecoder.decode(token, StandardCharsets.UTF_8);
  }

  private Instance send(HttpMethod method, String url, Object body, String token) {
    return send(method, url, body, token, Instance.class);
  }

  private <T> T send(HttpMethod method, String url, Object body, String token, Class<T> type) {
    return calls.write(() -> {
      var request = calls.http().method(method).uri(url).headers(headers -> StorageCalls.bearer(headers, token));
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(body);
      }
      return request.retrieve().onStatus(HttpStatusCode::isError, calls.refusal()).body(type);
    });
  }

}
