package no.instanceplatform.storage.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the date-times clients put in query strings, as Altinn reads them. */
public final class DateTimes {

  private DateTimes() {}

  /** As {@link #parseUtc}, for an optional parameter: absent or blank is null. */
  public static Instant parseUtcIfGiven(String value, String parameter) {
    return value == null || value.isBlank() ? null : parseUtc(value, parameter);
  }

  /**
   * Parses an ISO 8601 date-time; one without an offset is taken as UTC (Altinn's documentation writes
   * {@code 2019-05-03T12:55:23}), and a bare date means its start in UTC.
   *
   * @param parameter the name of the query parameter, for the refusal's detail
   */
  public static Instant parseUtc(String value, String parameter) {
    String text = value == null ? "" : value.trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw StorageException.invalid("The " + parameter + " value '" + value
              + "' is not an ISO 8601 date-time (for example 2019-05-03T12:55:23Z).");
        }
      }
    }
  }
}
