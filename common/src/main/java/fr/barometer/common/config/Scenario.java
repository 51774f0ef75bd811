package fr.barometer.common.config;

import java.io.Serializable;

/** A mystery-contact scenario; scope is COMMON or the one category it is written for. */
public record Scenario(String id, String label, String scope) implements Serializable {
  public static final String COMMON = "COMMON";

  public boolean appliesTo(String category) {
    return COMMON.equals(scope) || scope.equals(category);
  }
}
