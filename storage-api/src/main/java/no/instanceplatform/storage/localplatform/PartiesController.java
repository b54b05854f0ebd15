package no.instanceplatform.storage.localplatform;

import java.util.List;
import no.instanceplatform.storage.common.StorageException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Altinn Authorization's party list: the parties a user may represent, the user's own first. */
@RestController
@ConditionalOnBooleanProperty("storage.local-platform.enabled")
class PartiesController {

  private final LocalTestData testData;

  PartiesController(LocalTestData testData) {
    this.testData = testData;
  }

  @GetMapping("/authorization/api/v1/parties")
  List<Party> parties(@RequestParam(required = false) Integer userId) {
    if (userId == null) {
      throw StorageException.invalid("The userId query parameter is required.");
    }
    if (testData.user(userId).isEmpty()) {
      throw StorageException.notFound("There is no user " + userId + ".");
    }
    return testData.partiesOf(userId);
  }
}
