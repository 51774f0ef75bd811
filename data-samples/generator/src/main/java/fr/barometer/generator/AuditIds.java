package fr.barometer.generator;

/** Audit ids as the tool numbers them: "A17-000001", the edition's two digits then a counter. */
final class AuditIds {
  private final int edition;
  private long last;

  AuditIds(int edition) {
    this.edition = edition;
  }

  String next() {
    return format(edition, ++last);
  }

  /** The id the same counter would have given in another edition's export. */
  String nextOfEdition(int otherEdition) {
    return format(otherEdition, ++last);
  }

  private static String format(int edition, long number) {
    return String.format("A%02d-%06d", edition % 100, number);
  }
}
