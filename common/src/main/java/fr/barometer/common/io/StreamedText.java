package fr.barometer.common.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A landing file read as a stream, never held whole: the audit and survey exports of a national
 * edition are hundreds of megabytes each, and two of them decoded at once into strings did not fit
 * a 4 GB heap. A first pass checks that the file is UTF-8 and not blank; every {@link #open()}
 * decodes it again, as {@link TextFile#decode} would.
 */
public final class StreamedText implements TextInput {
  private static final int BUFFER = 1 << 16;

  /** Opens the file's bytes from the start; called once per pass. */
  @FunctionalInterface
  public interface Bytes {
    InputStream open() throws IOException;
  }

  private final String name;
  private final Bytes bytes;
  private final boolean validUtf8;
  private final boolean empty;

  private StreamedText(String name, Bytes bytes, boolean validUtf8, boolean empty) {
    this.name = name;
    this.bytes = bytes;
    this.validUtf8 = validUtf8;
    this.empty = empty;
  }

  /** Reads the file once to learn its encoding and whether it is blank. */
  public static StreamedText of(String name, Bytes bytes) {
    try (Reader in = new InputStreamReader(bytes.open(), TextInput.strictUtf8())) {
      boolean blank = true;
      boolean first = true;
      char[] buffer = new char[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n && blank; i++) {
          blank = Character.isWhitespace(buffer[i]) || (first && i == 0 && buffer[i] == BOM);
        }
        first = first && n == 0;
      }
      return new StreamedText(name, bytes, true, blank);
    } catch (CharacterCodingException e) {
      // A byte that is not UTF-8 is never whitespace in Latin-1: the file is not blank.
      return new StreamedText(name, bytes, false, false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean validUtf8() {
    return validUtf8;
  }

  @Override
  public boolean isEmpty() {
    return empty;
  }

  @Override
  public Reader open() {
    try {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  bytes.open(), validUtf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1),
              BUFFER);
      if (validUtf8) {
        in.mark(1);
        if (in.read() != BOM) {
          in.reset();
        }
      }
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }
}
