package no.instanceplatform.storage.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.instanceplatform.storage.common.DateTimes;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.instances.DateRange;

/**
 * Reads a date filter: values {@code gt:}, {@code gte:}, {@code lt:}, {@code lte:}, {@code eq:} or a bare date-time
 * (eq), repeatable to form a range, each operator at most once.
 */
final class DateFilters {

  private DateFilters() {}

  static DateRange parse(String parameter, List<String> values) {
    List<DateRange.Bound> bounds = new ArrayList<>();
    Set<DateRange.Operator> seen = EnumSet.noneOf(DateRange.Operator.class);
    for (String value : values) {
      DateRange.Bound bound = bound(parameter, value);
      if (!seen.add(bound.operator())) {
        throw StorageException.invalid("The " + parameter + " filter uses the operator '"
            + bound.operator().name().toLowerCase(Locale.ROOT) + ":' more than once.");
      }
      bounds.add(bound);
    }
    return new DateRange(bounds);
  }

  private static DateRange.Bound bound(String parameter, String value) {
    String text = value == null ? "" : value.trim();
    int colon = text.indexOf(':');
    String prefix = colon < 0 ? "" : text.substring(0, colon);
    if (colon > 0 && prefix.chars().allMatch(Character::isLetter)) {
      DateRange.Operator operator = switch (prefix.toLowerCase(Locale.ROOT)) {
        case "gt" -> DateRange.Operator.GT;
        case "gte" -> DateRange.Operator.GTE;
        case "lt" -> DateRange.Operator.LT;
        case "lte" -> DateRange.Operator.LTE;
        case "eq" -> DateRange.Operator.EQ;
        default -> throw StorageException.invalid("The " + parameter + " filter has an unknown operator '" + prefix
            + ":'; use gt:, gte:, lt:, lte: or eq:.");
      };
      return new DateRange.Bound(operator, DateTimes.parseUtc(text.substring(colon + 1), parameter));
    }
    return new DateRange.Bound(DateRange.Operator.EQ, DateTimes.parseUtc(text, parameter));
  }
}
