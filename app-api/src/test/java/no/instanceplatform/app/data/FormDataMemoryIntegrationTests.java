package no.instanceplatform.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import no.instanceplatform.app.support.AppApiIntegrationTest;
import no.instanceplatform.app.support.AppHttp;
import no.instanceplatform.app.support.AppHttp.Response;
import no.instanceplatform.testkit.HeldBackRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Form data is held in memory while it is checked, three times its length of a budget all requests share (here 1 MB,
 * waited for half a second): a form larger than a third of the budget is refused at once (also as a part of a new
 * instance), and one that finds the budget spent waits its turn, and when it waits in vain is answered 503 to try
 * again. Nothing refused is stored. A form is validated at its task's end in the same budget, in room for its tree.
 */
@TestPropertySource(properties = {"app.form-data-memory=1MB", "app.form-data-memory-wait=500ms"})
class FormDataMemoryIntegrationTests extends AppApiIntegrationTest {

  private static final int KB = 1024;

  private String instance;
  private String boatdata;

  @BeforeEach
  void aSailorInstanceWithItsBoatData() {
    awaitAppsRegistered();
    Response created = sophie().post(SAILOR + "/instances?instanceOwnerPartyId=" + SOPHIE_PARTY, null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    instance = SAILOR + "/instances/" + created.json().get("id").asString();
    boatdata = elementPath(sophie().get(instance).json(), "boatdata");
  }

  @Test
  void aFormLargerThanTheWholeBudgetIsRefusedAsTooLargeAndNothingIsStored() {
    byte[] stored = sophie().get(boatdata).bytes();

    assertProblem(sophie().upload("PUT", boatdata, "application/json", null, jsonForm(2 * KB * KB)), 413,
        "larger than 349525 bytes, the most form data the App API holds in memory");
    assertThat(sophie().get(boatdata).bytes()).isEqualTo(stored);
  }

  @Test
  void aFormThatFindsTheBudgetSpentWaitsItsTurnOrIsAnsweredUnavailable() throws Exception {
    byte[] large = jsonForm(300 * KB);
    HeldBackRequest held = new HeldBackRequest("PUT", URI.create("http://localhost:" + port + boatdata),
        userToken(SOPHIE, 2), "application/json", large, large.length / 2, false);
    held.awaitMostSent();
    Thread.sleep(300);

    byte[] second = jsonForm(100 * KB);
    Response refused = sophie().upload("PUT", boatdata, "application/json", null, second);
    assertProblem(refused, 503, "as much form data as its memory allows");
    assertThat(refused.header("Retry-After")).isPresent();

    assertThat(held.finish()).isEqualTo(200);
    assertThat(sophie().get(boatdata).bytes()).as("the form that held the budget").isEqualTo(large);
    Response again = sophie().upload("PUT", boatdata, "application/json", null, second);
    assertThat(again.status()).as("tried again, the budget given back: %s", again).isEqualTo(200);
    assertThat(sophie().get(boatdata).bytes()).isEqualTo(second);
  }

  @Test
  void aFormPartOfANewInstanceLongerThanTheBudgetHoldsIsRefusedAsTooLarge() {
    Response refused = sophie().multipart(SAILOR + "/instances?instanceOwnerPartyId=" + SOPHIE_PARTY,
        new AppHttp.Multipart().part("instance", "application/json", "{}")
            .part("boatdata", "application/json", null, jsonForm(400 * KB)));

    assertProblem(refused, 413,
        "The part 'boatdata' is larger than 349525 bytes, the most form data the App API holds in memory");
  }

  @Test
  void aFormWhoseTreeTheBudgetCannotHoldIsNotValidatedButIsAnIssueAtTheTasksEnd() {
    Response stored = sophie().upload("PUT", boatdata, "application/json", null, jsonForm(40 * KB));
    assertThat(stored.status()).as(stored.toString()).isEqualTo(200);

    Response refused = sophie().put(instance + "/process/next", null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().at("/validationIssues/0/code").asString()).isEqualTo("FormDataTooLarge");
    assertThat(refused.json().at("/validationIssues/0/description").asString())
        .as("1 MB holds the tree of 32 KiB of JSON").contains("larger than 32768 bytes");

    sophie().upload("PUT", boatdata, "application/json", null, jsonForm(20 * KB));
    Response moved = sophie().put(instance + "/process/next", null);
    assertThat(moved.status()).as("validated within the budget: %s", moved).isEqualTo(200);
    assertThat(moved.json().at("/currentTask/elementId").asString()).isEqualTo("Task_2");
  }

  /** A JSON form of {@code length} bytes. */
  private static byte[] jsonForm(int length) {
    String start = "{\"boatName\":\"";
    byte[] form = new byte[length];
    Arrays.fill(form, (byte) 'x');
    System.arraycopy(start.getBytes(StandardCharsets.US_ASCII), 0, form, 0, start.length());
    form[length - 2] = '"';
    form[length - 1] = '}';
    return form;
  }
}
