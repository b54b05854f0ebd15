package no.instanceplatform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller from a validated token's Altinn claims: an app owner ({@code urn:altinn:org}) or a user
 * ({@code urn:altinn:userid}, {@code urn:altinn:partyid}, {@code urn:altinn:authlevel}). The same rules as
 * Storage's, so that a token means the same caller to both. Altinn writes claim values as strings; numbers are
 * accepted too. A token that names neither is refused as invalid.
 */
public final class AltinnClaims implements Converter<Jwt, CallerAuthentication> {

  static final String USER_ID = "urn:altinn:userid";
  static final String PARTY_ID = "urn:altinn:partyid";
  static final String AUTH_LEVEL = "urn:altinn:authlevel";
  static final String ORG = "urn:altinn:org";
  static final String ORG_NUMBER = "urn:altinn:orgNumber";
  static final String SCOPE = "scope";
  static final String ALTINN_SCOPE = "urn:altinn:scope";

  @Override
  public CallerAuthentication convert(Jwt jwt) {
    return new CallerAuthentication(callerOf(jwt), jwt);
  }

  static Caller callerOf(Jwt jwt) {
    String org = text(jwt, ORG);
    if (org != null) {
      return new Caller.AppOwner(org, text(jwt, ORG_NUMBER), scopes(jwt));
    }
    String userId = text(jwt, USER_ID);
    if (userId != null) {
      return new Caller.User(number(USER_ID, userId), text(jwt, PARTY_ID), authLevel(jwt));
    }
    throw new CallerClaimsException(
        "The bearer token names neither a user (" + USER_ID + ") nor an app owner (" + ORG + ").");
  }

  private static int authLevel(Jwt jwt) {
    String level = text(jwt, AUTH_LEVEL);
    return level == null ? 0 : number(AUTH_LEVEL, level);
  }

  /** Maskinporten writes {@code scope} space separated; some issuers write a list; Altinn also uses its own name. */
  private static Set<String> scopes(Jwt jwt) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String claim : new String[] {SCOPE, ALTINN_SCOPE}) {
      Object value = jwt.getClaims().get(claim);
      if (value instanceof String text) {
        scopes.addAll(Arrays.asList(text.trim().split("\\s+")));
      } else if (value instanceof Collection<?> list) {
        list.forEach(item -> scopes.add(String.valueOf(item).trim()));
      }
    }
    scopes.remove("");
    return Set.copyOf(scopes);
  }

  private static String text(Jwt jwt, String claim) {
    Object value = jwt.getClaims().get(claim);
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value).trim();
    return text.isEmpty() ? null : text;
  }

  private static int number(String claim, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new CallerClaimsException("The bearer token's " + claim + " claim is not a number.");
    }
  }
}
