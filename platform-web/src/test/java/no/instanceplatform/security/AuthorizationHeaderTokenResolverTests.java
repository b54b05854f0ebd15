package no.instanceplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The resolver answers as Spring Security's default one does, for every header tried. */
class AuthorizationHeaderTokenResolverTests {

  private final BearerTokenResolver resolver = new AuthorizationHeaderTokenResolver();
  private final BearerTokenResolver reference = new DefaultBearerTokenResolver();

  @Test
  void resolvesTheTokenOfABearerHeader() {
    assertThat(resolver.resolve(request("Bearer abc.DEF-_~+/09=="))).isEqualTo("abc.DEF-_~+/09==");
    assertThat(resolver.resolve(request("bEARER x"))).isEqualTo("x");
    assertThat(resolver.resolve(request(null))).isNull();
    assertThat(resolver.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
  }

  @Test
  void answersAsTheDefaultResolverDoes() {
    List<String> headers = new ArrayList<>(List.of("", "Bearer", "bearer", "Bearer ", "Bearer  x", "Bearer x ",
        "Bearer =", "Bearer x=y", "Bearer x==", "Bearer x=\n", "Bearer\tx", "BearerX", "Bearerx y", "Bearer x y",
        "Token x", "bear x", "BEARER abc", "Bearer a.b.c", "Bearer é", "Bearer \u212a", "Bearer x\u017f",
        "Bearer " + "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.".repeat(40) + "sig"));
    for (char c = 0; c < 256; c++) {
      headers.add("Bearer a" + c + "b");
      headers.add("Bearer " + c);
      headers.add("Bearer" + c + "x");
      headers.add("" + c + "earer x");
    }
    for (String header : headers) {
      assertThat(outcome(resolver, header)).as("Authorization: %s", header).isEqualTo(outcome(reference, header));
    }
  }

  private static String outcome(BearerTokenResolver resolver, String header) {
    try {
      return "token " + resolver.resolve(request(header));
    } catch (OAuth2AuthenticationException e) {
      return "refused " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
    }
  }

  private static MockHttpServletRequest request(String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    return request;
  }
}
