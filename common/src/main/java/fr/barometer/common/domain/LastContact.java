package fr.barometer.common.domain;

import java.util.Optional;

/** How long ago a survey respondent last contacted the service. */
public enum LastContact {
  LESS_THAN_1_MONTH("<1M"),
  ONE_TO_3_MONTHS("1-3M"),
  MORE_THAN_3_MONTHS(">3M");

  private final String code;

  LastContact(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The survey targets users served in the last 3 months; older contacts are ineligible. */
  public boolean isEligible() {
    return this != MORE_THAN_3_MONTHS;
  }

  public static Optional<LastContact> fromCode(String code) {
    for (LastContact c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
