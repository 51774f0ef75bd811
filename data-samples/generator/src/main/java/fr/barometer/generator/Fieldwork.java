package fr.barometer.generator;

import fr.barometer.common.config.DateWindow;
import fr.barometer.common.domain.ParisTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** When auditors work: working days of a channel's window, at the hours each channel calls for. */
final class Fieldwork {
  private final Randoms random;
  private final Map<DateWindow, List<LocalDate>> workingDays = new HashMap<>();

  Fieldwork(Randoms random) {
    this.random = random;
  }

  /** A working day of the window; any day of it if, oddly, it holds no working day. */
  LocalDate dayIn(DateWindow window) {
    List<LocalDate> days = workingDays.computeIfAbsent(window, Fieldwork::workingDaysOf);
    return random.pick(days);
  }

  private static List<LocalDate> workingDaysOf(DateWindow window) {
    List<LocalDate> days = new ArrayList<>();
    List<LocalDate> all = new ArrayList<>();
    for (LocalDate d = window.first(); !d.isAfter(window.last()); d = d.plusDays(1)) {
      all.add(d);
      if (FrenchCalendar.isWorkingDay(d)) {
        days.add(d);
      }
    }
    return days.isEmpty() ? all : days;
  }

  /** A time between two clock times given as "HH:mm" minutes of the day, to the minute. */
  ZonedDateTime at(LocalDate day, int fromMinute, int toMinute) {
    return at(day, random.between(fromMinute, toMinute));
  }

  static ZonedDateTime at(LocalDate day, int minuteOfDay) {
    return ZonedDateTime.of(day, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), ParisTime.ZONE);
  }

  /** Office hours, morning or afternoon, as a caller or visitor would come. */
  ZonedDateTime officeHours(LocalDate day) {
    return random.chance(0.55) ? at(day, 9 * 60, 11 * 60 + 45) : at(day, 14 * 60, 16 * 60 + 45);
  }

  /** When the auditor types the audit in: within a few working days, always after the contact. */
  ZonedDateTime recordedAfter(ZonedDateTime last, int maxWorkingDays) {
    LocalDate day =
        FrenchCalendar.plusWorkingDays(last.toLocalDate(), random.between(0, maxWorkingDays));
    ZonedDateTime recorded = at(day, 8 * 60 + 30, 18 * 60 + 30);
    return recorded.isAfter(last) ? recorded : last.plusMinutes(random.between(15, 120));
  }

  static int minutes(int hours, int minutes) {
    return hours * 60 + minutes;
  }
}
