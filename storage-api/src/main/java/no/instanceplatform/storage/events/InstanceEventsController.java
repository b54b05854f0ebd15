package no.instanceplatform.storage.events;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.instanceplatform.model.InstanceEvent;
import no.instanceplatform.model.InstanceEventList;
import no.instanceplatform.storage.common.DateTimes;
import no.instanceplatform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/storage/api/v1/instances/{partyId}/{instanceGuid}/events")
class InstanceEventsController {

  private final InstanceEventService events;

  InstanceEventsController(InstanceEventService events) {
    this.events = events;
  }

  /** Answers the new event's id as a JSON string, as Altinn does (its app client reads the id from the body). */
  @PostMapping
  ResponseEntity<String> create(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestBody(required = false) InstanceEvent event) {
    InstanceEvent created = events.create(caller, Long.toString(partyId), instanceGuid.toString(), event);
    URI location = URI.create("/storage/api/v1/instances/" + created.instanceId() + "/events/" + created.id());
    return ResponseEntity.created(location).contentType(MediaType.APPLICATION_JSON).body('"' + created.id() + '"');
  }

  @GetMapping
  InstanceEventList list(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestParam(required = false) List<String> eventTypes, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    EventFilter filter = new EventFilter(EventFilter.types(eventTypes), DateTimes.parseUtcIfGiven(from, "from"), DateTimes.parseUtcIfGiven(to, "to"));
    return new InstanceEventList(events.list(caller, Long.toString(partyId), instanceGuid.toString(), filter));
  }

  @GetMapping("/{eventId}")
  InstanceEvent get(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @PathVariable UUID eventId) {
    return events.get(caller, Long.toString(partyId), instanceGuid.toString(), eventId.toString());
  }

  @DeleteMapping
  ResponseEntity<Void> deleteAll(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    events.deleteAll(caller, Long.toString(partyId), instanceGuid.toString());
    return ResponseEntity.ok().build();
  }
}
