package fr.barometer.common.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A landing file's text as the parsers read it: its name, whether it is valid UTF-8 (when not, it
 * is read as Latin-1 so that no byte is lost, and its rows are refused), whether it holds anything
 * but whitespace, and its characters from the start, BOM dropped, as often as asked.
 */
public interface TextInput {
  /** The byte order mark a UTF-8 file may start with; not part of the text. */
  char BOM = '\uFEFF';

  /** A UTF-8 decoder that fails on the first byte sequence that is not UTF-8. */
  static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  String name();

  boolean validUtf8();

  /** Zero bytes, or only whitespace: a truncated transfer, not a file with no rows to give. */
  boolean isEmpty();

  /** The text from its first character; the caller closes it. */
  Reader open();

  /**
   * The text from the start of line {@code line} (1-based) to the end; empty past the last line.
   */
  default String fromLine(long line) {
    try (Reader in = open()) {
      long current = 1;
      int c = 0;
      while (current < line && (c = in.read()) >= 0) {
        current += c == '\n' ? 1 : 0;
      }
      if (current < line) {
        return "";
      }
      StringBuilder rest = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        rest.append(buffer, 0, n);
      }
      return rest.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name(), e);
    }
  }
}
