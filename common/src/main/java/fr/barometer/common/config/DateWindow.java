package fr.barometer.common.config;

import java.io.Serializable;
import java.time.LocalDate;

/** An inclusive range of dates (Europe/Paris) in which a channel's audits must take place. */
public record DateWindow(LocalDate first, LocalDate last) implements Serializable {
  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }
}
