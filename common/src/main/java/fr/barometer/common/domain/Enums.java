package fr.barometer.common.domain;

import java.util.Locale;
import java.util.Optional;

/** Lenient lookup of enum codes as they come from input files. */
public final class Enums {
  private Enums() {}

  /** The constant named by {@code code}, ignoring case and surrounding spaces; empty if none. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
