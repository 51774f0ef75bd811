package fr.barometer.jobs.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Working days in France: Monday to Friday except the eleven public holidays. Services answer on
 * working days, so answer dates are drawn on them; the pipeline counts delays the same way.
 */
final class FrenchCalendar {
  private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
      MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
      MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

  private FrenchCalendar() {}

  static boolean isHoliday(LocalDate day) {
    if (FIXED_HOLIDAYS.contains(MonthDay.from(day))) {
      return true;
    }
    LocalDate easter = easterSunday(day.getYear());
    return day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39)) || day.equals(easter.plusDays(50));
  }

  static boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday(day);
  }

  /** The working day that comes {@code count} working days after {@code day} (0: the day itself). */
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

  /** Days d with from < d <= to that are working days: the pipeline's delay count. */
  static int workingDaysBetween(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  static LocalDate nextWorkingDay(LocalDate day) {
    LocalDate d = day;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
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
    int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, dayOfMonth);
  }
}
