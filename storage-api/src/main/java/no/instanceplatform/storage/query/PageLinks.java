package no.instanceplatform.storage.query;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import no.instanceplatform.storage.StorageProperties;
import org.springframework.stereotype.Component;

/** The absolute {@code self} and {@code next} links of a page, on Storage's public URL. */
@Component
public class PageLinks {

  private final String baseUrl;

  PageLinks(StorageProperties properties) {
    this.baseUrl = properties.platformBaseUrl().replaceAll("/+$", "");
  }

  public String self(HttpServletRequest request) {
    String query = request.getQueryString();
    return baseUrl + request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  /** The same request with the continuation token replaced, or null when there is no next page. */
  public String next(HttpServletRequest request, String token) {
    if (token == null) {
      return null;
    }
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    String kept = Arrays.stream(query.split("&"))
        .filter(part -> !part.isEmpty() && !part.startsWith("continuationToken="))
        .collect(Collectors.joining("&"));
    return baseUrl + request.getRequestURI() + "?" + (kept.isEmpty() ? "" : kept + "&") + "continuationToken=" + token;
  }
}
