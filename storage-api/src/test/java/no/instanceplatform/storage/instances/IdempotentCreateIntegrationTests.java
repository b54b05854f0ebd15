package no.instanceplatform.storage.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.instanceplatform.storage.applications.ApplicationStore;
import no.instanceplatform.storage.support.IntegrationTest;
import no.instanceplatform.storage.support.StorageHttp;
import no.instanceplatform.storage.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A create sent again with the same {@code Idempotency-Key} (its answer lost) finds the instance the first made,
 * even when the two race; without the header every create makes an instance, as in Altinn.
 */
class IdempotentCreateIntegrationTests extends IntegrationTest {

  private static final String CREATE = "/storage/api/v1/instances?appId=ttd/test-app";
  private static final Map<String, Object> TEMPLATE = Map.of("instanceOwner", Map.of("partyId", "501337"));

  @Autowired
  ApplicationStore applications;

  @BeforeEach
  void anApp() {
    applications.upsert(TestApplications.ttdApp("test-app", null));
  }

  @Test
  void aCreateRepeatedWithItsKeyAnswersTheFirstInstanceAsItIsNow() {
    StorageHttp.Response first = http.with(IdempotencyKey.HEADER, "create-1").post(CREATE, TEMPLATE);
    String id = first.json().path("id").asString();
    StorageHttp.Response substatus = http.put("/storage/api/v1/instances/" + id + "/substatus",
        Map.of("label", "changed.after.create"));
    assertThat(substatus.status()).as(substatus.toString()).isEqualTo(200);

    StorageHttp.Response repeated = http.with(IdempotencyKey.HEADER, "create-1").post(CREATE, TEMPLATE);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(repeated.status()).as(repeated.toString()).isEqualTo(201);
    assertThat(repeated.json().path("id").asString()).isEqualTo(id);
    assertThat(repeated.header("Location")).isEqualTo(first.header("Location"));
    assertThat(repeated.json().at("/status/substatus/label").asString()).isEqualTo("changed.after.create");
    assertThat(instancesOfTheParty()).isEqualTo(1);
    assertThat(http.get("/storage/api/v1/instances/" + id + "/events?eventTypes=Created").json()
        .path("instanceEvents").size()).isEqualTo(1);
  }

  @Test
  void concurrentCreatesWithOneKeyMakeOneInstance() throws Exception {
    List<Future<StorageHttp.Response>> answers;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      answers = IntStream.range(0, 8)
          .mapToObj(i -> threads.submit(() -> http.with(IdempotencyKey.HEADER, "raced").post(CREATE, TEMPLATE)))
          .toList();
    }
    Set<String> ids = new HashSet<>();
    for (Future<StorageHttp.Response> answer : answers) {
      assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
      ids.add(answer.get().json().path("id").asString());
    }

    assertThat(ids).hasSize(1);
    assertThat(instancesOfTheParty()).isEqualTo(1);
  }

  @Test
  void anotherKeyAnotherCallerOrNoKeyMakesAnotherInstance() {
    Set<String> ids = Set.of(
            http.with(IdempotencyKey.HEADER, "k").post(CREATE, TEMPLATE),
            http.with(IdempotencyKey.HEADER, "other-key").post(CREATE, TEMPLATE),
            as(USER_1337).with(IdempotencyKey.HEADER, "k").post(CREATE, TEMPLATE),
            http.post(CREATE, TEMPLATE),
            http.post(CREATE, TEMPLATE)).stream()
        .map(response -> response.json().path("id").asString())
        .collect(Collectors.toSet());

    assertThat(ids).hasSize(5);
    assertThat(instancesOfTheParty()).isEqualTo(5);
  }

  @Test
  void aKeyThatIsEmptyTooLongOrNotVisibleAsciiIsRefusedAndCreatesNothing() {
    for (String key : List.of("", "a".repeat(256), "with space", "with\ttab")) {
      StorageHttp.Response refused = http.with(IdempotencyKey.HEADER, key).post(CREATE, TEMPLATE);

      assertThat(refused.status()).as("key '" + key + "': " + refused).isEqualTo(400);
      assertProblem(refused, 400, "Idempotency-Key");
    }
    assertThat(instancesOfTheParty()).isZero();
  }

  private long instancesOfTheParty() {
    return http.get("/storage/api/v1/instances?appId=ttd/test-app&instanceOwner.partyId=501337&size=1").json()
        .path("totalHits").asLong();
  }
}
