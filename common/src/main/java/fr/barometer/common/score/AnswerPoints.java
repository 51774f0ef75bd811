package fr.barometer.common.score;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.ItemType;
import java.util.Locale;

/**
 * Points of one typed answer (spec 1.5), always in [0, 1]; {@code null} means not applicable and
 * leaves the answer out of every denominator. Ingestion has already normalised and validated the
 * value ({@code YES}, {@code NO}, {@code NA} or a number string); a value that still does not fit
 * its item breaks that contract and is rejected loudly rather than scored.
 */
public final class AnswerPoints {
  public static final String YES = "YES";
  public static final String NO = "NO";
  public static final String NOT_APPLICABLE = "NA";

  private AnswerPoints() {}

  /** Points of {@code value} typed for {@code item}; null when NA. */
  public static Double of(GridItem item, String value) {
    return of(item.type(), item.fullAt(), item.zeroAfter(), value);
  }

  /**
   * Points of {@code value} for an item of {@code type}; {@code fullAt} and {@code zeroAfter} are
   * needed for DELAY items only.
   *
   * @throws IllegalArgumentException when the value is not valid for the type
   */
  public static Double of(ItemType type, Double fullAt, Double zeroAfter, String value) {
    if (value == null) {
      throw new IllegalArgumentException("no value for a " + type + " item");
    }
    String v = value.trim().toUpperCase(Locale.ROOT);
    if (v.equals(NOT_APPLICABLE)) {
      return null;
    }
    return switch (type) {
      case BOOLEAN -> yesNo(v);
      case SCALE -> scale(number(v, type));
      case DELAY -> delay(number(v, type), fullAt, zeroAfter);
    };
  }

  /** Whether the typed value means "not applicable". */
  public static boolean isNotApplicable(String value) {
    return value != null && value.trim().equalsIgnoreCase(NOT_APPLICABLE);
  }

  /** A scale answer 1..4 mapped linearly onto [0, 1]: 1 gives 0, 4 gives 1. */
  public static double scale(double v) {
    if (v != Math.rint(v) || v < 1 || v > 4) {
      throw new IllegalArgumentException("a SCALE value is a whole number 1..4, not " + v);
    }
    return (v - 1) / 3;
  }

  /**
   * A delay against its thresholds: full points up to {@code fullAt} included, half points up to
   * {@code zeroAfter} included, none beyond.
   */
  public static double delay(double v, Double fullAt, Double zeroAfter) {
    if (fullAt == null || zeroAfter == null) {
      throw new IllegalArgumentException("a DELAY item needs full_at and zero_after");
    }
    if (v < 0 || Double.isNaN(v)) {
      throw new IllegalArgumentException("a DELAY value is a non-negative number, not " + v);
    }
    if (v <= fullAt) {
      return 1.0;
    }
    return v <= zeroAfter ? 0.5 : 0.0;
  }

  private static double yesNo(String v) {
    return switch (v) {
      case YES -> 1.0;
      case NO -> 0.0;
      default -> throw new IllegalArgumentException("a BOOLEAN value is YES, NO or NA, not " + v);
    };
  }

  private static double number(String v, ItemType type) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a " + type + " value is a number or NA, not " + v, e);
    }
  }
}
