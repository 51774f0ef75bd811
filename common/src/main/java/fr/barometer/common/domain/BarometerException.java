package fr.barometer.common.domain;

/**
 * A user-facing failure that stops a run: bad configuration, a missing or unreadable file. Its
 * message is one line saying what failed, why, and how to fix it; the CLI prints it without a stack
 * trace. Bad rows never raise it: they go to quarantine.
 */
public final class BarometerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BarometerException(String message) {
    super(message);
  }

  public BarometerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "Cannot read FILE: why" */
  public static BarometerException cannotRead(Object file, String why) {
    return new BarometerException("Cannot read " + file + ": " + why);
  }

  public static BarometerException cannotRead(Object file, String why, Throwable cause) {
    return new BarometerException("Cannot read " + file + ": " + why, cause);
  }

  /** The first line of a library's message, short enough for a one-line error. */
  public static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** "Invalid FILE, FIELD: why" */
  public static BarometerException invalid(Object file, String field, String why) {
    return new BarometerException("Invalid " + file + ", field '" + field + "': " + why);
  }
}
