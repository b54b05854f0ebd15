package no.instanceplatform.storage.localplatform;

import java.util.LinkedHashMap;
import java.util.Map;
import no.instanceplatform.storage.common.StorageException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Altinn Register as LocalTest serves it to apps: parties by id or by national identity, and organisations. */
@RestController
@RequestMapping("/register/api/v1")
@ConditionalOnBooleanProperty("storage.local-platform.enabled")
class RegisterController {

  private final LocalTestData testData;

  RegisterController(LocalTestData testData) {
    this.testData = testData;
  }

  @GetMapping("/parties/{partyId}")
  Party party(@PathVariable int partyId) {
    return testData.party(Integer.toString(partyId))
        .orElseThrow(() -> StorageException.notFound("There is no party " + partyId + "."));
  }

  /** Looks a party up by {@code ssn} (a person) or {@code orgNo} (an organisation), exactly one of them. */
  @PostMapping("/parties/lookup")
  Party lookup(@RequestBody(required = false) PartyLookup lookup) {
    if (lookup == null || (lookup.ssn() == null) == (lookup.orgNo() == null)) {
      throw StorageException.invalid("The lookup must have exactly one of 'ssn' and 'orgNo'.");
    }
    if (lookup.ssn() != null) {
      return testData.partyBySsn(lookup.ssn())
          .orElseThrow(() -> StorageException.notFound("There is no person with that national identity number."));
    }
    return testData.partyByOrgNumber(lookup.orgNo())
        .orElseThrow(() -> StorageException.notFound("There is no organisation " + lookup.orgNo() + "."));
  }

  @GetMapping("/organizations/{orgNr}")
  Map<String, Object> organization(@PathVariable String orgNr) {
    Party party = testData.partyByOrgNumber(orgNr)
        .filter(p -> p.organization() != null)
        .orElseThrow(() -> StorageException.notFound("There is no organisation " + orgNr + "."));
    Map<String, Object> organization = new LinkedHashMap<>(party.organization());
    organization.putIfAbsent("orgNumber", party.orgNumber());
    organization.putIfAbsent("name", party.name());
    return organization;
  }

  /** The body of a party lookup. */
  record PartyLookup(String ssn, String orgNo) {}
}
