package no.instanceplatform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The JSON converter holds 32 bytes of its budget for each byte of a body it reads, until the request ends. */
class BudgetedJsonConverterTests {

  private static final long KIB = 1024;

  private final MemoryBudget budget = new MemoryBudget(64 * KIB, Duration.ofMillis(50));
  private final BudgetedJsonConverter converter = new BudgetedJsonConverter(JsonMapper.builder().build(), budget);

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void aBodyHoldsItsMemoryUntilTheRequestEnds() throws Exception {
    ServletRequestAttributes request = new ServletRequestAttributes(new MockHttpServletRequest());
    RequestContextHolder.setRequestAttributes(request);

    assertThat(read(values(1500))).isEqualTo(new Values(Map.of("k", "x".repeat(1500))));
    assertThatThrownBy(() -> budget.reserve(32 * KIB, "busy")).as("1.5 KB read holds 48 KiB of 64")
        .isInstanceOf(MemoryBudget.Busy.class);

    request.requestCompleted();
    budget.reserve(64 * KIB, "busy").close();
  }

  @Test
  void aBodyReadOutsideARequestGivesItsMemoryBackAtOnce() throws Exception {
    read(values(1500));

    budget.reserve(64 * KIB, "busy").close();
  }

  @Test
  void aBodyLongerThanTheBudgetHoldsWhatItBecomesIsRefusedAsTooLarge() {
    assertThatThrownBy(() -> read(values(3 * 1024))).isInstanceOfSatisfying(BudgetedJsonConverter.TooLarge.class,
        tooLarge -> assertThat(tooLarge.most()).isEqualTo(2 * KIB));
    budget.reserve(64 * KIB, "busy").close();
  }

  record Values(Map<String, String> values) {}

  private Object read(byte[] body) throws Exception {
    return converter.read(ResolvableType.forClass(Values.class), new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return new HttpHeaders();
      }
    }, Map.of());
  }

  private static byte[] values(int length) {
    return ("{\"values\":{\"k\":\"" + "x".repeat(length) + "\"}}").getBytes(StandardCharsets.UTF_8);
  }
}
