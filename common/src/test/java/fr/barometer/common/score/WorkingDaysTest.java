package fr.barometer.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  private static Instant paris(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static int days(String from, String to) {
    return WorkingDays.between(LocalDate.parse(from), LocalDate.parse(to));
  }

  @Test
  void sameDayIsZero() {
    assertEquals(
        0, WorkingDays.between(paris("2017-09-05T08:00+02:00"), paris("2017-09-05T18:30+02:00")));
  }

  @Test
  void nextWorkingDayIsOne() {
    // Mon 4 Sep 2017 -> Tue 5: {Tue 5}
    assertEquals(1, days("2017-09-04", "2017-09-05"));
  }

  @Test
  void weekendIsSkipped() {
    // Fri 8 Sep 2017 -> Mon 11: Sat 9, Sun 10 skipped -> {Mon 11}
    assertEquals(1, days("2017-09-08", "2017-09-11"));
    // Fri -> Sun: nothing
    assertEquals(0, days("2017-09-08", "2017-09-10"));
  }

  @Test
  void letterAnsweredOverEaster2017() {
    // Thu 13 Apr -> Tue 18 Apr: Fri 14 yes, Sat 15 / Sun 16 no, Mon 17 Easter Monday no, Tue 18 yes
    assertEquals(
        2, WorkingDays.between(paris("2017-04-13T10:00+02:00"), paris("2017-04-18T09:00+02:00")));
  }

  @Test
  void emailOverTheBastilleDayBridge2017() {
    // Thu 13 Jul -> Mon 17 Jul: Fri 14 Jul holiday, Sat 15, Sun 16 no, Mon 17 yes
    assertEquals(1, days("2017-07-13", "2017-07-17"));
    // Wed 12 Jul -> Tue 18 Jul: Thu 13, Mon 17, Tue 18
    assertEquals(3, days("2017-07-12", "2017-07-18"));
  }

  @Test
  void ascensionAndWhitMonday2017() {
    // Wed 24 May -> Fri 26 May: Thu 25 is Ascension -> {Fri 26}
    assertEquals(1, days("2017-05-24", "2017-05-26"));
    // Fri 2 Jun -> Wed 7 Jun: Mon 5 is Whit Monday -> {Tue 6, Wed 7}
    assertEquals(2, days("2017-06-02", "2017-06-07"));
  }

  @Test
  void mayOf2017HasItsTwoMondayHolidays() {
    // Fri 28 Apr -> Fri 12 May: 10 weekdays, minus Mon 1 May and Mon 8 May = 8
    assertEquals(8, days("2017-04-28", "2017-05-12"));
  }

  @Test
  void datesAreTakenInParisNotUtc() {
    // 2017-09-05T22:30Z is Wed 6 Sep 00:30 in Paris (UTC+2): answered on Wed, not Tue.
    Instant contacted = paris("2017-09-05T10:00+02:00");
    Instant answered = Instant.parse("2017-09-05T22:30:00Z");
    assertEquals(1, WorkingDays.between(contacted, answered));
    // And the other way: contacted Mon 4 Sep 23:30 UTC = Tue 5 Sep 01:30 Paris, answered Tue.
    Instant lateMonday = Instant.parse("2017-09-04T23:30:00Z");
    assertEquals(0, WorkingDays.between(lateMonday, paris("2017-09-05T15:00+02:00")));
  }

  @Test
  void answerBeforeContactIsNeverNegative() {
    assertEquals(0, days("2017-09-08", "2017-09-04"));
  }
}
