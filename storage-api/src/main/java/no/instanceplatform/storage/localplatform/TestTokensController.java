package no.instanceplatform.storage.localplatform;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import no.instanceplatform.storage.common.StorageException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** LocalTest's test token endpoints: a JWT as text, for a test user or for an app owner. */
@RestController
@ConditionalOnBooleanProperty("storage.local-platform.enabled")
class TestTokensController {

  static final List<String> DEFAULT_ORG_SCOPES =
      List.of("altinn:serviceowner/instances.read", "altinn:serviceowner/instances.write");
  private static final Pattern ORG = Pattern.compile("^[a-zæøå][a-zæøå0-9]*$");

  private final LocalTestData testData;
  private final LocalTokenIssuer issuer;

  TestTokensController(LocalTestData testData, LocalTokenIssuer issuer) {
    this.testData = testData;
    this.issuer = issuer;
  }

  @GetMapping(path = "/Home/GetTestUserToken/{userId}", produces = MediaType.TEXT_PLAIN_VALUE)
  String userToken(@PathVariable int userId, @RequestParam(defaultValue = "2") int authenticationLevel) {
    LocalTestData.User user = testData.user(userId)
        .orElseThrow(() -> StorageException.notFound("There is no test user " + userId + "."));
    return issuer.userToken(user, level(authenticationLevel));
  }

  @GetMapping(path = "/Home/GetTestOrgToken/{org}", produces = MediaType.TEXT_PLAIN_VALUE)
  String orgToken(@PathVariable String org, @RequestParam(required = false) String orgNumber,
      @RequestParam(required = false) String scopes, @RequestParam(defaultValue = "3") int authenticationLevel) {
    if (!ORG.matcher(org).matches()) {
      throw StorageException.invalid("The org '" + org + "' is not valid: lower-case letters and digits.");
    }
    String number = orgNumber != null ? orgNumber
        : testData.org(org).map(LocalTestData.Org::orgNumber).orElse(null);
    List<String> scopeList = scopes == null ? DEFAULT_ORG_SCOPES
        : Arrays.stream(scopes.split("[ ,]+")).filter(s -> !s.isBlank()).toList();
    return issuer.orgToken(org, number, scopeList, level(authenticationLevel));
  }

  private static int level(int authenticationLevel) {
    if (authenticationLevel < 0 || authenticationLevel > 4) {
      throw StorageException.invalid("The authenticationLevel must be from 0 to 4, not " + authenticationLevel + ".");
    }
    return authenticationLevel;
  }
}
