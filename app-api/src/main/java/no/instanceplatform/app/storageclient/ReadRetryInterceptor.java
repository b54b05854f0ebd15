package no.instanceplatform.app.storageclient;

import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Tries a read again when the connection fails. Only GET: repeating a write whose answer was lost could apply it
 * twice. Status answers are not retried: Storage has decided, and a 503 is the caller's to retry.
 */
final class ReadRetryInterceptor implements ClientHttpRequestInterceptor {

  private final int retries;

  ReadRetryInterceptor(int retries) {
    this.retries = retries;
  }

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    if (!HttpMethod.GET.equals(request.getMethod())) {
      return execution.execute(request, body);
    }
    IOException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      try {
        return execution.execute(request, body);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }
}
