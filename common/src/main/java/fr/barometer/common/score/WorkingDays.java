package fr.barometer.common.score;

import fr.barometer.common.domain.ParisTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Working days between a contact and its answer (spec 2.1): the days d with contact date &lt; d
 * &lt;= answer date, Monday to Friday and not a French public holiday. Dates are read in
 * Europe/Paris whatever the JVM's or Spark session's time zone, so an answer sent at 23:30 UTC in
 * summer counts on the next day, as the recipient saw it.
 */
public final class WorkingDays {
  /** The campaign's time zone: every date of the barometer is a date in Paris. */
  private WorkingDays() {}

  /**
   * Working days from the contact to the answer; 0 when answered the same Paris day. An answer
   * dated before its contact (ingestion quarantines those) also gives 0, never a negative count.
   */
  public static int between(Instant contactedAt, Instant answeredAt) {
    return between(parisDate(contactedAt), parisDate(answeredAt));
  }

  /** Working days d with {@code contactDay} &lt; d &lt;= {@code answerDay}. */
  public static int between(LocalDate contactDay, LocalDate answerDay) {
    int count = 0;
    for (LocalDate d = contactDay.plusDays(1); !d.isAfter(answerDay); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** Monday to Friday and not a French public holiday. */
  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !FrenchHolidays.isHoliday(day);
  }

  public static LocalDate parisDate(Instant instant) {
    return instant.atZone(ParisTime.ZONE).toLocalDate();
  }
}
