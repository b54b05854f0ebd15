package no.instanceplatform.storage.process;

import java.util.UUID;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.ProcessHistoryList;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.model.ProcessStateUpdate;
import no.instanceplatform.storage.events.EventFilter;
import no.instanceplatform.storage.events.InstanceEventService;
import no.instanceplatform.storage.instances.ETags;
import no.instanceplatform.storage.instances.IfMatch;
import no.instanceplatform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/storage/api/v1/instances/{partyId}/{instanceGuid}/process")
class ProcessController {

  private final ProcessService process;
  private final InstanceEventService events;

  ProcessController(ProcessService process, InstanceEventService events) {
    this.process = process;
    this.events = events;
  }

  @PutMapping
  ResponseEntity<Instance> update(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestBody(required = false) ProcessState state,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return ETags.answer(process.updateProcess(caller, IfMatch.instance(ifMatch), Long.toString(partyId),
        instanceGuid.toString(), state));
  }

  @PutMapping("/instanceandevents")
  ResponseEntity<Instance> updateWithEvents(Caller caller, @PathVariable long partyId,
      @PathVariable UUID instanceGuid, @RequestBody(required = false) ProcessStateUpdate update,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return ETags.answer(process.updateProcessAndEvents(caller, IfMatch.instance(ifMatch), Long.toString(partyId),
        instanceGuid.toString(), update));
  }

  @GetMapping("/history")
  ProcessHistoryList history(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    EventFilter processEvents = new EventFilter(ProcessHistory.EVENT_TYPES, null, null);
    return new ProcessHistoryList(ProcessHistory.of(
        events.list(caller, Long.toString(partyId), instanceGuid.toString(), processEvents)));
  }
}
