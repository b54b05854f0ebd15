package no.instanceplatform.storage.support;

import java.util.List;
import no.instanceplatform.storage.localplatform.LocalTestData;
import no.instanceplatform.storage.localplatform.LocalTokenIssuer;
import no.instanceplatform.storage.security.AccessPolicy;

/**
 * Tokens of the local platform for a caller named in a test: {@code user:{userId}:{authLevel}} (a test user) or
 * {@code org:{org}[:{scope} {scope}...]} (an app owner; without scopes, the instance scopes and appdeploy).
 */
public final class TestTokens {

  private TestTokens() {}

  public static String token(LocalTokenIssuer tokens, LocalTestData testData, String caller) {
    String[] parts = caller.split(":", 3);
    if (parts[0].equals("user")) {
      LocalTestData.User user = testData.user(Integer.parseInt(parts[1])).orElseThrow();
      return tokens.userToken(user, Integer.parseInt(parts[2]));
    }
    List<String> scopes = parts.length == 3 ? List.of(parts[2].split(" "))
        : List.of(AccessPolicy.READ_SCOPE, AccessPolicy.WRITE_SCOPE, AccessPolicy.DEPLOY_SCOPE);
    String orgNumber = testData.org(parts[1]).map(LocalTestData.Org::orgNumber).orElse(null);
    return tokens.orgToken(parts[1], orgNumber, scopes, 3);
  }
}
