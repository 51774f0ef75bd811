package fr.barometer.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The French public holidays of a year, for the baselines' working-day calendars. Kept apart from
 * the pipeline's {@code fr.barometer.common.score.FrenchHolidays} on purpose: the baselines check
 * the pipeline's scores, so they do not share its rules (and the DuckDB one runs without its jar).
 */
final class FrenchHolidays {
  private FrenchHolidays() {}

  /**
   * The holidays of an edition's calendar: its year and the years either side, where an audit's
   * contact and answer dates may fall.
   */
  static List<LocalDate> aroundEdition(int year) {
    List<LocalDate> days = new ArrayList<>();
    for (int y = year - 1; y <= year + 1; y++) {
      days.addAll(of(y));
    }
    return days;
  }

  private static List<LocalDate> of(int y) {
    LocalDate easter = easter(y);
    return List.of(
        LocalDate.of(y, 1, 1),
        easter.plusDays(1),
        LocalDate.of(y, 5, 1),
        LocalDate.of(y, 5, 8),
        easter.plusDays(39),
        easter.plusDays(50),
        LocalDate.of(y, 7, 14),
        LocalDate.of(y, 8, 15),
        LocalDate.of(y, 11, 1),
        LocalDate.of(y, 11, 11),
        LocalDate.of(y, 12, 25));
  }

  /** Anonymous Gregorian algorithm. */
  private static LocalDate easter(int y) {
    int a = y % 19;
    int b = y / 100;
    int c = y % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(y, month, day);
  }
}
