package no.instanceplatform.storage.query;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import no.instanceplatform.model.InstanceQueryResponse;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.StorageProperties;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /storage/api/v1/instances}: Altinn's instance query, one page at a time. */
@RestController
class InstanceQueryController {

  static final String OWNER_IDENTIFIER = "X-Ai-InstanceOwnerIdentifier";

  private final InstanceQueryService queries;
  private final String baseUrl;

  InstanceQueryController(InstanceQueryService queries, StorageProperties properties) {
    this.queries = queries;
    this.baseUrl = properties.platformBaseUrl().replaceAll("/+$", "");
  }

  @GetMapping("/storage/api/v1/instances")
  InstanceQueryResponse query(Caller caller, @RequestParam MultiValueMap<String, String> parameters,
      @RequestHeader(name = OWNER_IDENTIFIER, required = false) String ownerIdentifier, HttpServletRequest request) {
    InstanceQueryService.Page page = queries.query(caller, QueryParameters.parse(parameters, ownerIdentifier));
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    String self = baseUrl + request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    String next = page.nextToken() == null ? null
        : baseUrl + request.getRequestURI() + "?" + withToken(query, page.nextToken());
    return new InstanceQueryResponse(page.totalHits(), page.instances().size(), self, next, page.instances());
  }

  /** The query string as the client wrote it, with the continuation token replaced (tokens are URL-safe). */
  private static String withToken(String query, String token) {
    String kept = Arrays.stream(query.split("&"))
        .filter(part -> !part.isEmpty() && !part.startsWith("continuationToken="))
        .collect(Collectors.joining("&"));
    return (kept.isEmpty() ? "" : kept + "&") + "continuationToken=" + token;
  }
}
