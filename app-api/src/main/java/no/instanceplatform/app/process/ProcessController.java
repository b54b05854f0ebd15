package no.instanceplatform.app.process;

import java.util.UUID;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.ProcessHistoryList;
import no.instanceplatform.model.ProcessState;
import no.instanceplatform.security.CallerAuthentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An instance's process: its state, moving it on (one task, or all the way to the end), and its history. */
@RestController
@RequestMapping("/{org}/{app}/instances/{instanceOwnerPartyId}/{instanceGuid}/process")
class ProcessController {

  private final ProcessService process;

  ProcessController(ProcessService process) {
    this.process = process;
  }

  @GetMapping
  ProcessState state(@PathVariable String org, @PathVariable String app, @PathVariable long instanceOwnerPartyId,
      @PathVariable UUID instanceGuid, CallerAuthentication auth) {
    return process.state(org, app, new InstanceRef(instanceOwnerPartyId, instanceGuid), auth);
  }

  /** No body, or no action in it, is no action, as in Altinn. */
  @PutMapping("/next")
  ProcessState next(@PathVariable String org, @PathVariable String app, @PathVariable long instanceOwnerPartyId,
      @PathVariable UUID instanceGuid, @RequestBody(required = false) ProcessNext body, CallerAuthentication auth) {
    return process.next(org, app, new InstanceRef(instanceOwnerPartyId, instanceGuid),
        body == null ? null : body.action(), auth);
  }

  @PutMapping("/completeProcess")
  ProcessState completeProcess(@PathVariable String org, @PathVariable String app,
      @PathVariable long instanceOwnerPartyId, @PathVariable UUID instanceGuid, CallerAuthentication auth) {
    return process.completeProcess(org, app, new InstanceRef(instanceOwnerPartyId, instanceGuid), auth);
  }

  @GetMapping("/history")
  ProcessHistoryList history(@PathVariable String org, @PathVariable String app,
      @PathVariable long instanceOwnerPartyId, @PathVariable UUID instanceGuid, CallerAuthentication auth) {
    return process.history(org, app, new InstanceRef(instanceOwnerPartyId, instanceGuid), auth);
  }
}
