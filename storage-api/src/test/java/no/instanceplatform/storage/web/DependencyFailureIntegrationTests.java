package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import java.util.UUID;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

class DependencyFailureIntegrationTests extends IntegrationTest {

  @MockitoSpyBean
  InstanceStore instances;

  @Test
  void anUnreachableDatabaseAnswersServiceUnavailableWithRetryAfter() {
    doThrow(new DataAccessResourceFailureException("Timed out after 30000 ms while waiting for a server"))
        .when(instances).find(anyString());

    StorageHttp.Response response = http.get("/storage/api/v1/instances/501337/" + UUID.randomUUID());

    assertProblem(response, 503, "The metadata store is unavailable");
    assertThat(response.header("Retry-After")).isEqualTo("5");
    assertThat(response.text()).doesNotContain("Timed out", "Exception");
  }

  @Test
  void anUnexpectedFailureAnswersAProblemWithoutItsText() {
    doThrow(new IllegalStateException("secret internal detail at /opt/app/Thing.java"))
        .when(instances).find(anyString());

    StorageHttp.Response response = http.get("/storage/api/v1/instances/501337/" + UUID.randomUUID());

    assertProblem(response, 500, "internal error");
    assertThat(response.text()).doesNotContain("secret", "IllegalStateException", "/opt/app");
  }
}
