package no.instanceplatform.storage.instances;

import java.time.Instant;
import no.instanceplatform.model.Instance;

/**
 * A position in a page order on (time, id): the last item of the previous page. For instances the time is
 * {@code lastChanged} and the id the instance guid; for events, {@code created} and the event id.
 */
public record Keyset(Instant at, String id) {

  /** The position of an instance in the instances' page order. */
  public static Keyset of(Instance instance) {
    return new Keyset(instance.lastChanged(), instance.instanceGuid());
  }
}
