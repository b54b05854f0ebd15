package no.instanceplatform.app.storageclient;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import no.instanceplatform.model.DataElement;
import no.instanceplatform.model.DataElementList;
import org.apache.coyote.CloseNowException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Storage's data element endpoints. File content is streamed both ways: an upload goes on to Storage as it arrives,
 * and a download reaches the caller as Storage sends it, so a file never has to fit in the App API's memory.
 */
@Component
public class DataClient {

  private final StorageCalls calls;

  DataClient(StorageCalls calls) {
    this.calls = calls;
  }

  /** A file to store: its content type, its Content-Disposition (may be null), and its bytes. */
  public record Upload(String contentType, String contentDisposition, long contentLength, InputStream content) {}

  /** Receives a downloaded file while Storage's response is open. */
  @FunctionalInterface
  public interface Receiver<T> {
    T receive(HttpHeaders headers, InputStream content) throws IOException;
  }

  public DataElement create(InstanceRef instance, String dataType, Upload upload, String token) {
    String url = dataUrl(instance) + "?dataType={dataType}";
    return sending(upload, body -> calls.write(() -> calls.http().post().uri(url, dataType)
        .headers(headers -> uploadHeaders(headers, upload, token))
        .body(body::transferTo)
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(DataElement.class)));
  }

  public DataElement replace(InstanceRef instance, UUID dataGuid, Upload upload, String token) {
    return sending(upload, body -> calls.write(() -> calls.http().put().uri(dataUrl(instance) + "/" + dataGuid)
        .headers(headers -> uploadHeaders(headers, upload, token))
        .body(body::transferTo)
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(DataElement.class)));
  }

  /**
   * Makes {@code call} with the upload's bytes as {@code body}. A read of them that fails breaks the call to Storage
   * as a failure of Storage's would: that one is told apart, as the caller's.
   */
  private static DataElement sending(Upload upload, Function<CallerBody, DataElement> call) {
    CallerBody body = new CallerBody(upload.content());
    try {
      return call.apply(body);
    } catch (StorageUnavailableException e) {
      if (body.failure != null) {
        throw new UploadUnreadableException(body.failure);
      }
      throw e;
    }
  }

  /** The caller's bytes, with the failure of a read of them kept. */
  private static final class CallerBody extends FilterInputStream {

    private IOException failure;

    CallerBody(InputStream content) {
      super(content);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  /** Opens the file and hands it to {@code receiver}; Storage's refusals are thrown before it is called. */
  public <T> T read(InstanceRef instance, UUID dataGuid, String token, Receiver<T> receiver) {
    return calls.read(() -> fileRequest(instance, dataGuid, token).exchange((request, response) -> {
      refuseIfError(request, response);
      return receiver.receive(response.getHeaders(), response.getBody());
    }, true));
  }

  /**
   * Starts opening the file on a virtual thread (as cheap as the wait it covers), so that the caller can check the
   * instance meanwhile: nothing of the file reaches anyone until {@link Opening#receive} is called, and
   * {@link Opening#discard} lets it go unread.
   */
  public Opening open(InstanceRef instance, UUID dataGuid, String token) {
    return new Opening(SideCalls.start("storage-file-open", () -> calls.read(() -> fileRequest(instance, dataGuid,
        token).exchange((request, response) -> {
          // Left open for receive or discard (close = false), so closed here when it goes no further.
          try {
            refuseIfError(request, response);
            return response;
          } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
          }
        }, false))));
  }

  /** The GET of a file's content, as the caller. */
  private RestClient.RequestHeadersSpec<?> fileRequest(InstanceRef instance, UUID dataGuid, String token) {
    return calls.http().get().uri(dataUrl(instance) + "/" + dataGuid)
        .headers(headers -> StorageCalls.bearer(headers, token));
  }

  /** Throws Storage's refusal, when the answer is one, before anything reads the file. */
  private void refuseIfError(HttpRequest request, ClientHttpResponse response) throws IOException {
    if (response.getStatusCode().isError()) {
      calls.refusal().handle(request, response);
    }
  }

  /** A file being opened: handed to a receiver once the caller's checks have passed, or discarded unread. */
  public static final class Opening {

    private final CompletableFuture<ClientHttpResponse> response;

    private Opening(CompletableFuture<ClientHttpResponse> response) {
      this.response = response;
    }

    /**
     * Waits for Storage's answer and hands the file to {@code receiver}; Storage's refusals are thrown before it is
     * called. A transfer that breaks off (Storage's side or the caller's) is not tried again: part of the file may
     * have been passed on. A failure on Storage's side is {@link StorageUnavailableException}; two are the
     * caller's and passed on as they are: {@link CloseNowException} (the caller's answer was under way when Storage's
     * side broke off, so Tomcat ends that answer's connection) and {@link AsyncRequestNotUsableException} (the
     * caller's own client went away, which Spring logs at debug).
     */
    public <T> T receive(Receiver<T> receiver) throws IOException {
      ClientHttpResponse opened = SideCalls.join(response);
      try {
        return receiver.receive(opened.getHeaders(), opened.getBody());
      } catch (CloseNowException | AsyncRequestNotUsableException e) {
        throw e;
      } catch (IOException e) {
        throw new StorageUnavailableException("The file's transfer broke off: " + e.getMessage(), e);
      } finally {
        opened.close();
      }
    }

    /**
     * Lets the file go: its answer, now or whenever it arrives, is closed unread (which ends its connection rather
     * than reading the file to its end: StorageHttpClient).
     */
    public void discard() {
      response.thenAccept(ClientHttpResponse::close);
    }
  }

  public DataElement delete(InstanceRef instance, UUID dataGuid, String token) {
    return send(HttpMethod.DELETE, dataUrl(instance) + "/" + dataGuid, token);
  }

  /** Locks the element (Storage answers 201 when newly locked, 200 when it already was; both are fine here). */
  public DataElement lock(InstanceRef instance, UUID dataGuid, String token) {
    return send(HttpMethod.PUT, dataUrl(instance) + "/" + dataGuid + "/lock", token);
  }

  public List<DataElement> list(InstanceRef instance, String token) {
    return calls.read(() -> calls.http().get().uri(calls.instanceUrl(instance) + "/dataelements")
        .headers(headers -> StorageCalls.bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(DataElementList.class)).dataElements();
  }

  private DataElement send(HttpMethod method, String url, String token) {
    return calls.write(() -> calls.http().method(method).uri(url)
        .headers(headers -> StorageCalls.bearer(headers, token))
        .retrieve().onStatus(HttpStatusCode::isError, calls.refusal())
        .body(DataElement.class));
  }

  private static void uploadHeaders(HttpHeaders headers, Upload upload, String token) {
    StorageCalls.bearer(headers, token);
    headers.setContentType(upload.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
        : MediaType.parseMediaType(upload.contentType()));
    if (upload.contentDisposition() != null) {
      headers.set(HttpHeaders.CONTENT_DISPOSITION, upload.contentDisposition());
    }
    if (upload.contentLength() >= 0) {
      headers.setContentLength(upload.contentLength());
    }
  }


  private String dataUrl(InstanceRef instance) {
    return calls.instanceUrl(instance) + "/data";
  }
}
