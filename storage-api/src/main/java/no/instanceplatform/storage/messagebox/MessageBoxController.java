package no.instanceplatform.storage.messagebox;

import java.util.List;
import java.util.UUID;
import no.instanceplatform.model.MessageBoxInstance;
import no.instanceplatform.security.Caller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Altinn II's message box endpoints ({@code /sbl/instances}); lists are answered as bare arrays, as in Altinn. */
@RestController
@RequestMapping("/storage/api/v1/sbl/instances")
class MessageBoxController {

  private static final String ONE = "/{partyId}/{instanceGuid}";

  private final MessageBoxService messageBox;

  MessageBoxController(MessageBoxService messageBox) {
    this.messageBox = messageBox;
  }

  @GetMapping(ONE)
  MessageBoxInstance get(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestParam(required = false) String language) {
    return messageBox.get(caller, Long.toString(partyId), instanceGuid.toString(), language);
  }

  @GetMapping("/{partyId}")
  List<MessageBoxInstance> list(Caller caller, @PathVariable long partyId,
      @RequestParam(required = false) String state, @RequestParam(required = false) String language) {
    return messageBox.list(caller, Long.toString(partyId), state, language);
  }

  @GetMapping("/search")
  List<MessageBoxInstance> search(Caller caller,
      @RequestParam(name = "instanceOwner.partyId", required = false) String partyId,
      @RequestParam(required = false) String appId, @RequestParam(required = false) String language) {
    return messageBox.search(caller, partyId, appId, language);
  }

  @PostMapping("/search")
  List<MessageBoxInstance> search(Caller caller, @RequestBody(required = false) MessageBoxSearch search) {
    return messageBox.search(caller, search);
  }

  /** Answers {@code true}, as Altinn does. */
  @DeleteMapping(ONE)
  boolean delete(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid,
      @RequestParam(defaultValue = "false") boolean hard) {
    return messageBox.delete(caller, Long.toString(partyId), instanceGuid.toString(), hard);
  }

  /** Answers {@code true}, as Altinn does, also when the instance was not deleted. */
  @PutMapping(ONE + "/undelete")
  boolean undelete(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    return messageBox.undelete(caller, Long.toString(partyId), instanceGuid.toString());
  }

  @GetMapping(ONE + "/events")
  List<MessageBoxEvent> events(Caller caller, @PathVariable long partyId, @PathVariable UUID instanceGuid) {
    return messageBox.events(caller, Long.toString(partyId), instanceGuid.toString());
  }
}
