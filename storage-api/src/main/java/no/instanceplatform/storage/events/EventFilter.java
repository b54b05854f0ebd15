package no.instanceplatform.storage.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.instanceplatform.model.InstanceEvent;

/**
 * Which events of an instance to read: of these types (all when empty), created at or after {@code from} and at or
 * before {@code to}, each bound applying when given.
 */
public record EventFilter(Set<String> eventTypes, Instant from, Instant to) {

  public static EventFilter all() {
    return new EventFilter(Set.of(), null, null);
  }

  /** Event types from a query string: the parameter repeated, or its values comma separated. */
  public static Set<String> types(List<String> values) {
    if (values == null) {
      return Set.of();
    }
    return values.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::trim)
        .filter(type -> !type.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  public boolean matches(InstanceEvent event) {
    boolean typeMatches = eventTypes.isEmpty() || eventTypes.contains(event.eventType());
    boolean afterFrom = from == null || (event.created() != null && !event.created().isBefore(from));
    boolean beforeTo = to == null || (event.created() != null && !event.created().isAfter(to));
    return typeMatches && afterFrom && beforeTo;
  }
}
