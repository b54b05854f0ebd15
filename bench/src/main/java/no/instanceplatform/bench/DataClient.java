package no.instanceplatform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import no.instanceplatform.testkit.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the instance and data element API of Storage or of an app on the App API over real HTTP/1.1 on loopback, as
 * a client does: test tokens from Storage's local platform, an app registered with a data type for files, instances,
 * then files uploaded as a raw body and downloaded as a stream. The two APIs have the same paths under their base
 * ({@code /storage/api/v1} or {@code /{org}/{app}}) for everything but creating an instance. One client (one
 * connection pool) serves a whole run.
 */
final class DataClient {

  static final String API = "/storage/api/v1";
  /** The instance owner: Sophie Salt's party, whom user 1337 represents. */
  static final String PARTY = "501337";
  static final int USER = 1337;

  /** A stream that consumes a download's bytes; what it answers is handed back. */
  @FunctionalInterface
  interface Sink<T> {
    T consume(InputStream body) throws IOException;
  }

  /** A created data element: its id and the size Storage recorded. */
  record Element(String id, long size, String blobStoragePath) {}

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String base;
  /** The API's base path: {@link #API}, or an app's {@code /{org}/{app}} on the App API. */
  private final String api;

  /** Storage's API at {@code baseUrl}. */
  DataClient(String baseUrl) {
    this(baseUrl, API);
  }

  private DataClient(String baseUrl, String api) {
    this.base = baseUrl;
    this.api = api;
  }

  /** An app's API on the App API at {@code baseUrl}, e.g. {@code test/sailor}. */
  static DataClient forApp(String baseUrl, String appId) {
    return new DataClient(baseUrl, "/" + appId);
  }

  /** Which API this is, for reports: {@code Storage's API} or {@code the App API's /{org}/{app}}. */
  String describe() {
    return api.equals(API) ? "Storage's API (" + API + ")" : "the App API (" + api + ")";
  }

  /** An app owner's token with the scope to deploy (register) apps. */
  String appDeployToken(String org) {
    return text("/Home/GetTestOrgToken/" + org + "?scopes=altinn:appdeploy");
  }

  /** A test user's token at authentication level 2. */
  String userToken(int userId) {
    return text("/Home/GetTestUserToken/" + userId + "?authenticationLevel=2");
  }

  /**
   * Registers (upserts) app {@code appId} with one data type, {@code dataType}, that takes any content type, any
   * number of elements and any size (no maxSize).
   */
  void registerApp(String appId, String dataType, String deployToken) {
    String body = """
        {"title": {"nb": "Store filer", "en": "Large files"},
         "dataTypes": [{"id": "%s", "allowedContentTypes": ["application/octet-stream"], "maxCount": 0}]}
        """.formatted(dataType);
    HttpRequest request = HttpRequest.newBuilder(uri(API + "/applications?appId=" + encode(appId)))
        .header("Authorization", "Bearer " + deployToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw failed(request, response.statusCode(), response.body());
    }
  }

  /**
   * Creates an instance of {@code appId} for {@link #PARTY}; answers its id, {@code {partyId}/{guid}}. Storage takes
   * the owner in the instance template; the App API also takes it as {@code ?instanceOwnerPartyId=} with no body, as
   * a client that has nothing to prefill calls it (and then starts the process and creates the first task's data).
   */
  String createInstance(String appId, String userToken) {
    HttpRequest.Builder request = api.equals(API)
        ? HttpRequest.newBuilder(uri(API + "/instances?appId=" + encode(appId)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"instanceOwner\": {\"partyId\": \"" + PARTY + "\"}}"))
        : HttpRequest.newBuilder(uri(api + "/instances?instanceOwnerPartyId=" + PARTY))
            .POST(HttpRequest.BodyPublishers.noBody());
    return json.readTree(expect(request.header("Authorization", "Bearer " + userToken).build(), 201)).path("id")
        .asString();
  }

  /** Reads an instance; answers its JSON, whose {@code id} is checked. */
  JsonNode getInstance(String instanceId, String token) {
    HttpRequest request = HttpRequest.newBuilder(uri(api + "/instances/" + instanceId))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    JsonNode instance = json.readTree(expect(request, 200));
    if (!instanceId.equals(instance.path("id").asString())) {
      throw new IllegalStateException("GET " + request.uri() + " answered another instance: " + instance.path("id"));
    }
    return instance;
  }

  /** Storage's events of an instance: {@code {"instanceEvents": [...]}}. */
  JsonNode events(String instanceId, String token) {
    HttpRequest request = HttpRequest.newBuilder(uri(api + "/instances/" + instanceId + "/events"))
        .header("Authorization", "Bearer " + token).GET().build();
    return json.readTree(expect(request, 200));
  }

  /** Replaces an instance's process state and stores the events of the move, in one call to Storage. */
  void updateProcess(String instanceId, String stateAndEvents, String token) {
    HttpRequest request = HttpRequest.newBuilder(uri(api + "/instances/" + instanceId
            + "/process/instanceandevents"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(stateAndEvents)).build();
    expect(request, 200);
  }

  /** Asks the service's liveness probe, which needs no token and reads nothing; fails unless it answers UP. */
  void liveness() {
    if (!text("/actuator/health/liveness").contains("\"UP\"")) {
      throw new IllegalStateException("The liveness probe of " + base + " did not answer UP");
    }
  }

  /** A file's content type and name (null: none, as for form data), as its upload declares them. */
  record FileType(String contentType, String filename) {
    static final FileType BINARY = new FileType("application/octet-stream", "bench.bin");
  }

  /**
   * Uploads a file as the raw body; answers when the API has answered 201, that is once the bytes are in the blob
   * store and the metadata is written.
   */
  Element upload(String instanceId, String dataType, FileType type, HttpRequest.BodyPublisher body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(api + "/instances/" + instanceId + "/data?dataType="
            + encode(dataType)))
        .header("Authorization", "Bearer " + token).header("Content-Type", type.contentType()).POST(body);
    if (type.filename() != null) {
      request.header("Content-Disposition", "attachment; filename=\"" + type.filename() + "\"");
    }
    JsonNode element = json.readTree(expect(request.build(), 201));
    return new Element(element.path("id").asString(), element.path("size").asLong(),
        element.path("blobStoragePath").asString());
  }

  /**
   * Downloads a file and streams it into {@code sink} as it arrives; answers what the sink answers once it has read
   * to the end. A status other than 200 is a failure.
   */
  <T> T download(String instanceId, String dataGuid, String token, Sink<T> sink) {
    HttpRequest request = HttpRequest.newBuilder(uri(api + "/instances/" + instanceId + "/data/" + dataGuid))
        .header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw failed(request, response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      return sink.consume(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Downloading " + request.uri() + " failed", e);
    }
  }

  /**
   * Downloads a file into {@code into} as its bytes arrive, with no stream between (the JDK client's
   * {@code ofInputStream} queues each buffer for a reading thread, which costs a download of 100 MiB about a third
   * of its time on loopback); answers how many bytes the file had (those past the array's end are counted, not kept).
   */
  long downloadInto(String instanceId, String dataGuid, String token, byte[] into) {
    HttpRequest request = HttpRequest.newBuilder(uri(api + "/instances/" + instanceId + "/data/" + dataGuid))
        .header("Authorization", "Bearer " + token).GET().build();
    // The body is the count of bytes on a 200, Storage's problem text otherwise.
    HttpResponse<Object> response = send(request, info -> info.statusCode() == 200
        ? HttpResponse.BodySubscribers.fromSubscriber(new ArraySubscriber(into), subscriber -> subscriber.count)
        : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
            text -> text));
    if (response.statusCode() != 200) {
      throw failed(request, response.statusCode(), String.valueOf(response.body()));
    }
    return (Long) response.body();
  }

  /** Copies a response body's buffers into an array as they arrive. */
  private static final class ArraySubscriber implements Flow.Subscriber<List<ByteBuffer>> {

    private final byte[] into;
    private long count;

    ArraySubscriber(byte[] into) {
      this.into = into;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int n = buffer.remaining();
        int fits = (int) Math.max(0, Math.min(n, into.length - count));
        buffer.get(into, (int) Math.min(count, into.length), fits);
        count += n;
      }
    }

    @Override
    public void onError(Throwable throwable) {
      // The client completes the response exceptionally; send() throws it.
    }

    @Override
    public void onComplete() {
      // count is final.
    }
  }

  /** Deletes a data element (its metadata, then its blob). */
  void delete(String instanceId, String dataGuid, String token) {
    HttpRequest request = HttpRequest.newBuilder(uri(api + "/instances/" + instanceId + "/data/" + dataGuid))
        .header("Authorization", "Bearer " + token).DELETE().build();
    expect(request, 200);
  }

  private String text(String path) {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).GET().build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw failed(request, response.statusCode(), response.body());
    }
    return response.body().trim();
  }

  /** Sends {@code request}; answers the body when the status is {@code status}, fails otherwise. */
  private String expect(HttpRequest request, int status) {
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      throw failed(request, response.statusCode(), response.body());
    }
    return response.body();
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static IllegalStateException failed(HttpRequest request, int status, String body) {
    return new IllegalStateException(request.method() + " " + request.uri() + " answered " + status + ": "
        + ServiceProcess.tail(body, 2_000));
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException("Request to Storage failed: " + request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
