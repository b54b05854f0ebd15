package no.instanceplatform.storage.instances;

import java.time.Instant;
import java.util.List;

/** A condition on a date-time field: every bound must hold (for example {@code gte:} one date and {@code lt:} another). */
public record DateRange(List<Bound> bounds) {

  public DateRange {
    bounds = List.copyOf(bounds);
  }

  /** How a bound compares. */
  public enum Operator {
    GT, GTE, LT, LTE, EQ
  }

  /** One comparison with a date-time. */
  public record Bound(Operator operator, Instant value) {}

  public boolean matches(Instant value) {
    if (value == null) {
      return false;
    }
    return bounds.stream().allMatch(bound -> switch (bound.operator()) {
      case GT -> value.isAfter(bound.value());
      case GTE -> !value.isBefore(bound.value());
      case LT -> value.isBefore(bound.value());
      case LTE -> !value.isAfter(bound.value());
      case EQ -> value.equals(bound.value());
    });
  }
}
