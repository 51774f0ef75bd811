package fr.barometer.common.ingest;

import java.util.regex.Pattern;

/**
 * Masks the personal data citizens write in free text: e-mail addresses and French phone numbers.
 * Applied before anything is stored, the quarantine included.
 */
public final class PiiMasking {
  public static final String EMAIL_MASK = "[email]";
  public static final String PHONE_MASK = "[telephone]";

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  /**
   * 0X XX XX XX XX with spaces, dots, dashes or nothing between pairs; +33 or 0033 in place of the
   * leading 0, with an optional "(0)".
   */
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\d+])(?:(?:\\+|00)33[ .-]?(?:\\(0\\)[ .-]?)?|0)[1-9](?:[ .-]?\\d{2}){4}(?!\\d)");

  private PiiMasking() {}

  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text.indexOf('@') >= 0 ? EMAIL.matcher(text).replaceAll(EMAIL_MASK) : text;
    return mayHoldPhone(text) ? PHONE.matcher(masked).replaceAll(PHONE_MASK) : masked;
  }

  /**
   * Whether the text holds what ends every match of {@link #PHONE}: a digit 1-9 then four pairs of
   * digits, each pair after at most one space, dot or dash. Counting the digits of a field was not
   * enough: a survey line's ids, timestamps and codes always have nine, and the regex run on every
   * raw record was a third of the survey parse's time. Masking an e-mail first only removes such
   * sequences, so testing the text before it is as exact.
   */
  private static boolean mayHoldPhone(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '1' && c <= '9' && fourPairsAfter(text, i + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean fourPairsAfter(String text, int from) {
    int at = from;
    for (int pair = 0; pair < 4; pair++) {
      if (at < text.length() && isSeparator(text.charAt(at))) {
        at++;
      }
      if (at + 1 >= text.length() || !isDigit(text.charAt(at)) || !isDigit(text.charAt(at + 1))) {
        return false;
      }
      at += 2;
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '.' || c == '-';
  }
}
