package fr.barometer.generator;

import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts the deliberately bad (or re-sent) records written, by input and kind, for the summary. */
final class BadRecordLog {
  private final SortedMap<String, Long> counts = new TreeMap<>();

  void add(String input, Enum<?> kind, long records) {
    counts.merge(input + ":" + kind.name().toLowerCase(Locale.ROOT), records, Long::sum);
  }

  SortedMap<String, Long> counts() {
    return new TreeMap<>(counts);
  }
}
