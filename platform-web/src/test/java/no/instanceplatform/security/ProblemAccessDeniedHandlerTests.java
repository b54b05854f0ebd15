package no.instanceplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import no.instanceplatform.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemAccessDeniedHandlerTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void refusalIsAForbiddenProblemWithInsufficientScopeChallengeInOurOwnWords() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/ttd/some-app/instances/1/2");
    MockHttpServletResponse response = new MockHttpServletResponse();

    new ProblemAccessDeniedHandler(new ProblemResponses(json))
        .handle(request, response, new AccessDeniedException("Access Denied by AuthorizationFilter"));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo(
        "Bearer error=\"insufficient_scope\", error_description=\"" + ProblemAccessDeniedHandler.DETAIL + "\"");
    JsonNode problem = json.readTree(response.getContentAsString());
    assertThat(problem.get("type").asString()).isEqualTo("urn:instanceplatform:problem:forbidden");
    assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
    assertThat(problem.get("status").asInt()).isEqualTo(403);
    assertThat(problem.get("detail").asString()).isEqualTo(ProblemAccessDeniedHandler.DETAIL);
    assertThat(problem.get("instance").asString()).isEqualTo("/ttd/some-app/instances/1/2");
    assertThat(response.getContentAsString()).doesNotContain("AuthorizationFilter");
  }
}
