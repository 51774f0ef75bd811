package fr.barometer.common.score;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Set;

/**
 * The eleven French public holidays that stop the working-day clock (spec 2.1): eight on fixed
 * dates and three that follow Easter. Alsace-Moselle's extra days (Good Friday, 26 December) are
 * not national holidays and do not count.
 */
public final class FrenchHolidays {
  private static final Set<MonthDay> FIXED =
      Set.of(
          MonthDay.of(Month.JANUARY, 1),
          MonthDay.of(Month.MAY, 1),
          MonthDay.of(Month.MAY, 8),
          MonthDay.of(Month.JULY, 14),
          MonthDay.of(Month.AUGUST, 15),
          MonthDay.of(Month.NOVEMBER, 1),
          MonthDay.of(Month.NOVEMBER, 11),
          MonthDay.of(Month.DECEMBER, 25));

  private FrenchHolidays() {}

  /** Whether {@code day} is a French public holiday. */
  public static boolean isHoliday(LocalDate day) {
    if (FIXED.contains(MonthDay.from(day))) {
      return true;
    }
    LocalDate easter = easterSunday(day.getYear());
    return day.equals(easterMonday(easter))
        || day.equals(ascensionThursday(easter))
        || day.equals(whitMonday(easter));
  }

  /**
   * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher),
   * valid for every year from 1583.
   */
  public static LocalDate easterSunday(int year) {
    int a = year % 19; // place in the 19-year Metonic cycle
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30; // epact correction
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7; // days to the next Sunday
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  /** Easter Monday: the day after Easter Sunday. */
  public static LocalDate easterMonday(int year) {
    return easterMonday(easterSunday(year));
  }

  /** Ascension Thursday: 39 days after Easter Sunday. */
  public static LocalDate ascensionThursday(int year) {
    return ascensionThursday(easterSunday(year));
  }

  /** Whit Monday (lundi de Pentecôte): 50 days after Easter Sunday. */
  public static LocalDate whitMonday(int year) {
    return whitMonday(easterSunday(year));
  }

  private static LocalDate easterMonday(LocalDate easter) {
    return easter.plusDays(1);
  }

  private static LocalDate ascensionThursday(LocalDate easter) {
    return easter.plusDays(39);
  }

  private static LocalDate whitMonday(LocalDate easter) {
    return easter.plusDays(50);
  }
}
