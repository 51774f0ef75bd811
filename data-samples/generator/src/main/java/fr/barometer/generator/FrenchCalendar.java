package fr.barometer.generator;

import fr.barometer.common.score.WorkingDays;
import java.time.LocalDate;

/**
 * Moving through working days, the way services answer: on the days the pipeline counts (Monday to
 * Friday, French public holidays excepted, as {@link WorkingDays} defines them).
 */
final class FrenchCalendar {
  private FrenchCalendar() {}

  static boolean isWorkingDay(LocalDate day) {
    return WorkingDays.isWorkingDay(day);
  }

  /**
   * The working day that comes {@code count} working days after {@code day} (0: the day itself).
   */
  static LocalDate plusWorkingDays(LocalDate day, int count) {
    LocalDate d = day;
    for (int i = 0; i < count; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        i++;
      }
    }
    return d;
  }

  /** Days d with from &lt; d &lt;= to that are working days: the pipeline's delay count. */
  static int workingDaysBetween(LocalDate from, LocalDate to) {
    return WorkingDays.between(from, to);
  }

  /** The day itself when it is a working day, else the next one. */
  static LocalDate nextWorkingDay(LocalDate day) {
    LocalDate d = day;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }
}
