package no.instanceplatform.storage.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

  @Test
  void idsSortInTheOrderTheyWereMadeEvenWithinOneMillisecond() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(TimeOrderedIds.next());
    }

    assertThat(ids).isSorted();
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
  }

  @Test
  void idsAreVersionSevenUuidsOfTheRfcVariant() {
    UUID id = UUID.fromString(TimeOrderedIds.next());

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isCloseTo(System.currentTimeMillis(),
        org.assertj.core.data.Offset.offset(5_000L));
  }
}
