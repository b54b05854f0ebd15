package no.instanceplatform.storage.query;

import jakarta.servlet.http.HttpServletRequest;
import no.instanceplatform.model.InstanceQueryResponse;
import no.instanceplatform.security.Caller;
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
  private final PageLinks links;

  InstanceQueryController(InstanceQueryService queries, PageLinks links) {
    this.queries = queries;
    this.links = links;
  }

  @GetMapping("/storage/api/v1/instances")
  InstanceQueryResponse query(Caller caller, @RequestParam MultiValueMap<String, String> parameters,
      @RequestHeader(name = OWNER_IDENTIFIER, required = false) String ownerIdentifier, HttpServletRequest request) {
    InstanceQueryService.Page page = queries.query(caller, QueryParameters.parse(parameters, ownerIdentifier));
    return new InstanceQueryResponse(page.totalHits(), page.instances().size(), links.self(request),
        links.next(request, page.nextToken()), page.instances());
  }
}
