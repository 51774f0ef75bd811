package fr.barometer.common.ingest;

import java.io.Serializable;

/** Why one row is refused: a reason code and a detail naming the field and the value. */
public record Rejection(QuarantineReason reason, String detail) implements Serializable {

  /** Thrown inside a row's parsing to stop at the first problem; never escapes a parser. */
  public static final class Raised extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Rejection rejection;

    public Raised(QuarantineReason reason, String detail) {
      super(detail, null, false, false);
      this.rejection = new Rejection(reason, detail);
    }

    public Rejection rejection() {
      return rejection;
    }
  }

  public static Raised raise(QuarantineReason reason, String detail) {
    return new Raised(reason, detail);
  }
}
