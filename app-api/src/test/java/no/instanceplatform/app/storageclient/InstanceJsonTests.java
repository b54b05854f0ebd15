package no.instanceplatform.app.storageclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.instanceplatform.model.ReadStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** What the App API reads of Storage's JSON of an instance without binding it, read as binding it would. */
class InstanceJsonTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void readsTheAppIdAndTheReadStatusAndKeepsTheBytes() {
    byte[] bytes = bytes("{\"id\":\"1/a\",\"instanceOwner\":{\"partyId\":\"1\"},\"appId\":\"test/sailor\","
        + "\"process\":{\"currentTask\":{\"elementId\":\"Task_1\"}},\"status\":{\"isArchived\":false,"
        + "\"substatus\":{\"label\":\"x\"},\"readStatus\":\"Read\"},\"data\":[{\"id\":\"d\"}]}");

    InstanceJson instance = InstanceJson.read(JSON, bytes);

    assertThat(instance.json()).isSameAs(bytes);
    assertThat(instance.appId()).isEqualTo("test/sailor");
    assertThat(instance.readStatus()).isEqualTo(ReadStatus.Read);
  }

  @Test
  void anInstanceWithoutAStatusIsUnreadAsStatusOrInitialSays() {
    assertThat(InstanceJson.read(JSON, bytes("{\"appId\":\"test/sailor\"}")).readStatus())
        .isEqualTo(ReadStatus.Unread);
    assertThat(InstanceJson.read(JSON, bytes("{\"status\":null,\"appId\":\"test/sailor\"}")).readStatus())
        .isEqualTo(ReadStatus.Unread);
  }

  @Test
  void aStatusWithoutAKnownReadStatusHasNone() {
    assertThat(InstanceJson.read(JSON, bytes("{\"status\":{},\"appId\":\"a/b\"}")).readStatus()).isNull();
    assertThat(InstanceJson.read(JSON, bytes("{\"status\":{\"readStatus\":\"Opened\"}}")).readStatus()).isNull();
    assertThat(InstanceJson.read(JSON, bytes("{\"status\":{\"readStatus\":\"UpdatedSinceLastReview\"}}"))
        .readStatus()).isEqualTo(ReadStatus.UpdatedSinceLastReview);
  }

  @Test
  void fieldsInAnyOrderAndAnAppIdThatIsNotAString() {
    InstanceJson instance = InstanceJson.read(JSON,
        bytes("{\"data\":[{\"status\":{\"readStatus\":\"Read\"}}],\"status\":{\"readStatus\":\"Unread\"},\"appId\":7}"));

    assertThat(instance.appId()).isNull();
    assertThat(instance.readStatus()).isEqualTo(ReadStatus.Unread);
  }

  @Test
  void refusesWhatIsNotAJsonObject() {
    assertThatThrownBy(() -> InstanceJson.read(JSON, bytes("[]"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InstanceJson.read(JSON, bytes(""))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InstanceJson.read(JSON, null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InstanceJson.read(JSON, bytes("{\"appId\":"))).isInstanceOf(JacksonException.class);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
