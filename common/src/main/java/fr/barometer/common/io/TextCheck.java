package fr.barometer.common.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * Whether bytes are the UTF-8 text a landing file must be, and how to say what they are when they
 * are not, without echoing them: a terminal shown raw control bytes is garbled.
 */
public final class TextCheck {
  private static final int EXCERPT = 60;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextCheck() {}

  /** Why the bytes are a binary file (a NUL byte), or empty when they may be text. */
  public static Optional<String> binary(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return Optional.of(
            "it is a binary file, not UTF-8 text (a NUL byte at offset "
                + i
                + "; it begins "
                + hex(bytes)
                + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * Why the bytes are not UTF-8 text, or empty when they are. {@code truncated}: the bytes are the
   * head of a longer file, so a character cut at the end is not an error.
   */
  public static Optional<String> problem(byte[] bytes, boolean truncated) {
    Optional<String> binary = binary(bytes);
    if (binary.isPresent()) {
      return binary;
    }
    int length = truncated ? completeLength(bytes) : bytes.length;
    try {
      TextInput.strictUtf8().decode(ByteBuffer.wrap(bytes, 0, length));
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.of("it is not UTF-8 text" + guess(bytes, length));
    }
  }

  /** Text as a message may show it: control characters escaped, at most 60 characters. */
  public static String excerpt(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < EXCERPT; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED) {
        out.append(String.format("\\x%02X", (int) c & 0xFF));
      } else {
        out.append(c);
      }
    }
    return text.length() > out.length() ? out + "..." : out.toString();
  }

  /** The bytes' likely encoding, when Windows-1252 (Latin-1) reads them as plain text. */
  private static String guess(byte[] bytes, int length) {
    try {
      String text =
          WINDOWS_1252
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, length))
              .toString();
      boolean plain =
          text.chars()
              .noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
      return plain ? " (it reads as Windows-1252 / Latin-1 text)" : " (its encoding is unknown)";
    } catch (CharacterCodingException e) {
      return " (its encoding is unknown)";
    }
  }

  /** The length up to the last line break: a head cut inside a character still decodes. */
  private static int completeLength(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return bytes.length;
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(8, bytes.length); i++) {
      out.append(String.format("%02X ", bytes[i]));
    }
    return out.toString().trim();
  }
}
