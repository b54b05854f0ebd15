package no.instanceplatform.storage.instances;

import java.net.URI;
import java.util.UUID;
import no.instanceplatform.model.DataValues;
import no.instanceplatform.model.Instance;
import no.instanceplatform.model.PresentationTexts;
import no.instanceplatform.model.ReadStatus;
import no.instanceplatform.model.Substatus;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/storage/api/v1/instances")
class InstancesController {

  private static final String IF_MATCH = HttpHeaders.IF_MATCH;

  private static final String ONE = "/{partyId}/{instanceGuid}";

  private final InstanceService instances;

  InstancesController(InstanceService instances) {
    this.instances = instances;
  }

  @PostMapping
  ResponseEntity<Instance> create(Caller caller, @RequestParam(required = false) String appId,
      @RequestBody(required = false) Instance template,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
    StoredInstance created = instances.create(caller, appId, template, IdempotencyKey.parse(idempotencyKey));
    return ResponseEntity.created(URI.create(created.instance().selfLinks().platform())).eTag(ETags.of(created))
        .body(created.instance());
  }

  @GetMapping(ONE)
  ResponseEntity<Instance> get(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    return ETags.answer(instances.get(caller, Long.toString(partyId), instanceGuid.toString()));
  }

  @DeleteMapping(ONE)
  ResponseEntity<Instance> delete(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestParam(defaultValue = "false") boolean hard, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return ETags.answer(instances.delete(caller, IfMatch.instance(ifMatch), Long.toString(partyId),
        instanceGuid.toString(), hard));
  }

  @PostMapping(ONE + "/complete")
  ResponseEntity<Instance> complete(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    return ETags.answer(instances.complete(caller, Long.toString(partyId), instanceGuid.toString()));
  }

  @PutMapping(ONE + "/readstatus")
  ResponseEntity<Instance> readStatus(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestParam(required = false) String status, @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return ETags.answer(instances.updateReadStatus(caller, IfMatch.instance(ifMatch), Long.toString(partyId),
        instanceGuid.toString(), readStatus(status)));
  }

  @PutMapping(ONE + "/substatus")
  ResponseEntity<Instance> substatus(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestBody(required = false) Substatus substatus,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return ETags.answer(instances.updateSubstatus(caller, IfMatch.instance(ifMatch), Long.toString(partyId),
        instanceGuid.toString(), substatus));
  }

  @PutMapping(ONE + "/presentationtexts")
  ResponseEntity<Instance> presentationTexts(Caller caller, @PathVariable long partyId,
      @PathVariable UUID instanceGuid, @RequestBody(required = false) PresentationTexts texts,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return ETags.answer(instances.updatePresentationTexts(caller, IfMatch.instance(ifMatch),
        Long.toString(partyId), instanceGuid.toString(), texts == null ? null : texts.texts()));
  }

  @PutMapping(ONE + "/datavalues")
  ResponseEntity<Instance> dataValues(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestBody(required = false) DataValues values,
      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
    return ETags.answer(instances.updateDataValues(caller, IfMatch.instance(ifMatch), Long.toString(partyId),
        instanceGuid.toString(), values == null ? null : values.values()));
  }

  private static ReadStatus readStatus(String status) {
    for (ReadStatus candidate : ReadStatus.values()) {
      if (candidate.name().equalsIgnoreCase(status)) {
        return candidate;
      }
    }
    throw StorageException.invalid("The status must be Read, Unread or UpdatedSinceLastReview, not '" + status + "'.");
  }
}
