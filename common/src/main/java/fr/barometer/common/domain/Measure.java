package fr.barometer.common.domain;

import java.util.Comparator;

/**
 * What structures are compared on (spec 3 and 4): the barometer score (OVERALL), a channel, a
 * journey step or a criterion. Stored in the tables as text: {@code OVERALL}, {@code
 * CHANNEL:EMAIL}, {@code STEP:ACCES}, {@code CRITERION:C01}.
 *
 * @param kind what is measured
 * @param code the channel, step or criterion code; empty for OVERALL
 */
public record Measure(Kind kind, String code) implements Comparable<Measure> {
  /** The kinds of measure, in the order a reader goes through them. */
  public enum Kind {
    OVERALL,
    CHANNEL,
    STEP,
    CRITERION;

    /** How a measure of this kind starts in the tables: "CHANNEL:"; empty for OVERALL. */
    public String prefix() {
      return this == OVERALL ? "" : name() + ":";
    }
  }

  /** The barometer score. */
  public static final Measure OVERALL = new Measure(Kind.OVERALL, "");

  /** Barometer score, then channels and steps in their enums' order, then criteria by code. */
  private static final Comparator<Measure> READING_ORDER =
      Comparator.comparing(Measure::kind)
          .thenComparingInt(Measure::codeOrder)
          .thenComparing(Measure::code);

  public static Measure channel(Channel channel) {
    return new Measure(Kind.CHANNEL, channel.name());
  }

  public static Measure step(Step step) {
    return new Measure(Kind.STEP, step.name());
  }

  public static Measure criterion(String code) {
    return new Measure(Kind.CRITERION, code);
  }

  /** The measure a table's text names; refuses text that names none. */
  public static Measure parse(String text) {
    if (Kind.OVERALL.name().equals(text)) {
      return OVERALL;
    }
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Not a measure: " + text);
    }
    Measure measure =
        new Measure(Kind.valueOf(text.substring(0, colon)), text.substring(colon + 1));
    if (measure.kind == Kind.CHANNEL) {
      Channel.valueOf(measure.code);
    } else if (measure.kind == Kind.STEP) {
      Step.valueOf(measure.code);
    }
    return measure;
  }

  /** A channel other than the on-site visit: what the barometer score is made of. */
  public boolean isRemoteChannel() {
    return kind == Kind.CHANNEL && Channel.valueOf(code).isRemote();
  }

  /** The measure as the tables write it. */
  public String text() {
    return kind == Kind.OVERALL ? Kind.OVERALL.name() : kind.prefix() + code;
  }

  @Override
  public String toString() {
    return text();
  }

  @Override
  public int compareTo(Measure other) {
    return READING_ORDER.compare(this, other);
  }

  private int codeOrder() {
    return switch (kind) {
      case CHANNEL -> Channel.valueOf(code).ordinal();
      case STEP -> Step.valueOf(code).ordinal();
      default -> 0;
    };
  }
}
