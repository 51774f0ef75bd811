package fr.barometer.common.ingest;

import static fr.barometer.common.quality.QuarantineReason.INVALID_DATE;
import static fr.barometer.common.quality.QuarantineReason.INVALID_VALUE;
import static fr.barometer.common.quality.QuarantineReason.MALFORMED_RECORD;
import static fr.barometer.common.quality.QuarantineReason.UNKNOWN_CODE;

import fr.barometer.common.domain.Enums;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Field readers for input rows: each refuses a bad value with a rejection naming the field. */
public final class Values {
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private Values() {}

  public static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw Rejection.raise(MALFORMED_RECORD, field + " is missing");
    }
    return value.trim();
  }

  public static String optional(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public static boolean bool(String field, String value) {
    String v = required(field, value).toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw Rejection.raise(INVALID_VALUE, field + " '" + value + "' is not true or false");
  }

  /** A whole number or null when empty. */
  public static Long optionalLong(String field, String value) {
    String v = optional(value);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw Rejection.raise(INVALID_VALUE, field + " '" + value + "' is not a whole number");
    }
  }

  /** A whole number in [min, max], or null when empty. */
  public static Integer optionalInRange(String field, String value, int min, int max) {
    Long v = optionalLong(field, value);
    if (v == null) {
      return null;
    }
    if (v < min || v > max) {
      throw Rejection.raise(INVALID_VALUE, field + " " + v + " is outside " + min + ".." + max);
    }
    return v.intValue();
  }

  public static <E extends Enum<E>> E code(String field, String value, Class<E> type) {
    String v = required(field, value);
    return Enums.parse(type, v)
        .orElseThrow(() -> Rejection.raise(UNKNOWN_CODE, field + " '" + v + "' is not a known code"));
  }

  /**
   * An ISO-8601 instant; one without an offset is a Europe/Paris local time. With {@code
   * frenchFormat}, {@code dd/MM/yyyy HH:mm} is accepted too.
   */
  public static Timestamp timestamp(String field, String value, boolean frenchFormat) {
    String v = required(field, value);
    try {
      return Timestamp.from(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException notOffset) {
      try {
        return Timestamp.from(LocalDateTime.parse(v).atZone(PARIS).toInstant());
      } catch (DateTimeParseException notLocal) {
        if (frenchFormat) {
          try {
            return Timestamp.from(LocalDateTime.parse(v, FRENCH_DATE_TIME).atZone(PARIS).toInstant());
          } catch (DateTimeParseException notFrench) {
            // falls through to the rejection
          }
        }
        throw Rejection.raise(INVALID_DATE, field + " '" + v + "' is not a readable date and time");
      }
    }
  }
}
