package no.instanceplatform.app.instances;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.instanceplatform.app.storageclient.InstanceJson;
import no.instanceplatform.app.storageclient.InstanceRef;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.Substatus;
import no.instanceplatform.security.CallerAuthentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seed 001's instance endpoints of an app. */
@RestController
@RequestMapping("/{org}/{app}/instances")
class InstancesController {

  private static final String ONE = "/{partyId}/{instanceGuid}";

  private final InstantiationRequests requests;
  private final InstantiationService instantiation;
  private final InstanceService instances;

  InstancesController(InstantiationRequests requests, InstantiationService instantiation, InstanceService instances) {
    this.requests = requests;
    this.instantiation = instantiation;
    this.instances = instances;
  }

  @PostMapping
  ResponseEntity<Instance> create(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @RequestParam(required = false) Long instanceOwnerPartyId, HttpServletRequest request) {
    InstantiationRequests.Read read = requests.read(request);
    return created(instantiation.create(auth, org, app, read.template(), instanceOwnerPartyId, read.parts()));
  }

  @PostMapping("/create")
  ResponseEntity<Instance> createSimplified(CallerAuthentication auth, @PathVariable String org,
      @PathVariable String app, HttpServletRequest request) {
    return created(instantiation.createSimplified(auth, org, app, requests.readTemplate(request)));
  }

  /** Storage's JSON of the instance, passed on as it came (web.InstanceJsonConverter writes it). */
  @GetMapping(ONE)
  @ApiResponse(responseCode = "200", description = "The instance",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Instance.class)))
  InstanceJson get(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    return instances.get(auth, org, app, new InstanceRef(partyId, instanceGuid));
  }

  @GetMapping("/{partyId}/active")
  List<ActiveInstance> active(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId) {
    return instances.active(auth, org, app, partyId);
  }

  @PutMapping(ONE + "/substatus")
  Instance substatus(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId, @PathVariable UUID instanceGuid, @RequestBody(required = false) Substatus substatus) {
    return instances.updateSubstatus(auth, org, app, new InstanceRef(partyId, instanceGuid), substatus);
  }

  @PostMapping(ONE + "/complete")
  Instance complete(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    return instances.complete(auth, org, app, new InstanceRef(partyId, instanceGuid));
  }

  @DeleteMapping(ONE)
  Instance delete(CallerAuthentication auth, @PathVariable String org, @PathVariable String app,
      @PathVariable long partyId, @PathVariable UUID instanceGuid, @RequestParam(defaultValue = "false") boolean hard) {
    return instances.delete(auth, org, app, new InstanceRef(partyId, instanceGuid), hard);
  }

  private static ResponseEntity<Instance> created(Instance instance) {
    return ResponseEntity.created(URI.create(instance.selfLinks().apps())).body(instance);
  }
}
