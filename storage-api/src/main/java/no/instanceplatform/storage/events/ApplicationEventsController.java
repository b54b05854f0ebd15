package no.instanceplatform.storage.events;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import no.instanceplatform.security.Caller;
import no.instanceplatform.storage.applications.AppId;
import no.instanceplatform.storage.common.DateTimes;
import no.instanceplatform.storage.query.PageLinks;
import no.instanceplatform.storage.query.PageSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /storage/api/v1/applications/{org}/{app}/events}: an app's instance events, for its owner. */
@RestController
class ApplicationEventsController {

  private final ApplicationEventsService events;
  private final PageLinks links;

  ApplicationEventsController(ApplicationEventsService events, PageLinks links) {
    this.events = events;
    this.links = links;
  }

  @GetMapping("/storage/api/v1/applications/{org}/{app}/events")
  InstanceEventPage list(Caller caller, @PathVariable String org, @PathVariable String app,
      @RequestParam(required = false) List<String> eventTypes, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String size,
      @RequestParam(required = false) String continuationToken, HttpServletRequest request) {
    EventFilter filter = new EventFilter(EventFilter.types(eventTypes), DateTimes.parseUtcIfGiven(from, "from"), DateTimes.parseUtcIfGiven(to, "to"));
    ApplicationEventsService.Page page = events.page(caller, new AppId(org, app), filter, PageSize.parse(size),
        continuationToken);
    return new InstanceEventPage(page.totalHits(), page.events().size(), links.self(request),
        links.next(request, page.nextToken()), page.events());
  }
}
