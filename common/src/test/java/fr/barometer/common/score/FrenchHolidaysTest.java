package fr.barometer.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchHolidaysTest {

  @ParameterizedTest(name = "Easter {0} is {1}")
  @CsvSource({
    // Published Easter Sundays, including the extremes of the range (22 March, 25 April).
    "1818, 1818-03-22",
    "1943, 1943-04-25",
    "2000, 2000-04-23",
    "2008, 2008-03-23",
    "2011, 2011-04-24",
    "2016, 2016-03-27",
    "2017, 2017-04-16",
    "2018, 2018-04-01",
    "2019, 2019-04-21",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2038, 2038-04-25"
  })
  void easterSundayByTheAnonymousGregorianAlgorithm(int year, LocalDate easter) {
    assertEquals(easter, FrenchHolidays.easterSunday(year));
  }

  @Test
  void easterIsAlwaysASundayBetween22MarchAnd25April() {
    IntStream.rangeClosed(1583, 4099)
        .mapToObj(FrenchHolidays::easterSunday)
        .forEach(
            e -> {
              assertEquals(DayOfWeek.SUNDAY, e.getDayOfWeek(), e.toString());
              assertFalse(e.isBefore(LocalDate.of(e.getYear(), 3, 22)), e.toString());
              assertFalse(e.isAfter(LocalDate.of(e.getYear(), 4, 25)), e.toString());
            });
  }

  @Test
  void movableHolidaysOf2017FollowEaster() {
    // Easter 2017-04-16: Monday +1, Ascension +39, Whit Monday +50.
    assertEquals(LocalDate.of(2017, 4, 17), FrenchHolidays.easterMonday(2017));
    assertEquals(LocalDate.of(2017, 5, 25), FrenchHolidays.ascensionThursday(2017));
    assertEquals(LocalDate.of(2017, 6, 5), FrenchHolidays.whitMonday(2017));
  }

  @ParameterizedTest(name = "{0} is a holiday")
  @CsvSource({
    "2017-01-01",
    "2017-04-17",
    "2017-05-01",
    "2017-05-08",
    "2017-05-25",
    "2017-06-05",
    "2017-07-14",
    "2017-08-15",
    "2017-11-01",
    "2017-11-11",
    "2017-12-25",
    "2024-04-01",
    "2024-05-09",
    "2024-05-20",
    "2025-04-21",
    "2025-05-29",
    "2025-06-09"
  })
  void holidays(LocalDate day) {
    assertTrue(FrenchHolidays.isHoliday(day));
  }

  @ParameterizedTest(name = "{0} is not a holiday")
  @CsvSource({
    "2017-04-16", // Easter Sunday itself is a Sunday, not an extra holiday
    "2017-04-14", // Good Friday: Alsace-Moselle only
    "2017-12-26", // Saint Stephen: Alsace-Moselle only
    "2017-07-13",
    "2017-05-24",
    "2017-06-04",
    "2018-04-17" // 2017's Easter Monday date, a year later
  })
  void notHolidays(LocalDate day) {
    assertFalse(FrenchHolidays.isHoliday(day));
  }
}
