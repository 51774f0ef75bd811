package fr.barometer.common.ingest;

import static fr.barometer.common.ingest.QuarantineReason.INVALID_DATE;
import static fr.barometer.common.ingest.QuarantineReason.INVALID_VALUE;
import static fr.barometer.common.ingest.QuarantineReason.MALFORMED_RECORD;
import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_CODE;

import fr.barometer.common.domain.Enums;
import fr.barometer.common.domain.ParisTime;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Field readers for input rows: each refuses a bad value with a rejection naming the field. */
public final class Values {
  private static final DateTimeFormatter FRENCH_DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

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
        .orElseThrow(
            () -> Rejection.raise(UNKNOWN_CODE, field + " '" + v + "' is not a known code"));
  }

  /**
   * An ISO-8601 instant; one without an offset is a Europe/Paris local time. With {@code
   * frenchFormat}, {@code dd/MM/yyyy HH:mm} is accepted too.
   */
  public static Timestamp timestamp(String field, String value, boolean frenchFormat) {
    String v = required(field, value);
    OffsetDateTime common = commonForm(v);
    if (common != null) {
      return Timestamp.from(common.toInstant());
    }
    try {
      return Timestamp.from(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException notOffset) {
      try {
        return Timestamp.from(LocalDateTime.parse(v).atZone(ParisTime.ZONE).toInstant());
      } catch (DateTimeParseException notLocal) {
        if (frenchFormat) {
          try {
            return Timestamp.from(
                LocalDateTime.parse(v, FRENCH_DATE_TIME).atZone(ParisTime.ZONE).toInstant());
          } catch (DateTimeParseException notFrench) {
            // falls through to the rejection
          }
        }
        throw Rejection.raise(INVALID_DATE, field + " '" + v + "' is not a readable date and time");
      }
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss+HH:MM}, the form the exports write, read without the ISO formatter,
   * whose field resolution was a fifth of an audit's parse; null for any other text or a value out
   * of range, which the formatter then reads or refuses as before.
   */
  static OffsetDateTime commonForm(String v) {
    if (v.length() != 25
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || v.charAt(10) != 'T'
        || v.charAt(13) != ':'
        || v.charAt(16) != ':'
        || v.charAt(22) != ':'
        || (v.charAt(19) != '+' && v.charAt(19) != '-')) {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    int offsetHours = digits(v, 20, 2);
    int offsetMinutes = digits(v, 23, 2);
    if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
      return null;
    }
    int sign = v.charAt(19) == '-' ? -1 : 1;
    try {
      return OffsetDateTime.of(
          year,
          month,
          day,
          hour,
          minute,
          second,
          0,
          ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  /**
   * The number the {@code count} ASCII digits at {@code from} write, or -1 if one is not a digit.
   */
  private static int digits(String v, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
