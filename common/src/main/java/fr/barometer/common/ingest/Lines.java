package fr.barometer.common.ingest;

import fr.barometer.common.io.TextInput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The lines of a text, one at a time: split on '\n' only, a trailing '\r' dropped, numbered from 1,
 * blank ones included (as {@code text.split("\n", -1)} would give them). Closes the reader once the
 * last line is read.
 */
final class Lines {
  private final Reader in;
  private final String name;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder line = new StringBuilder();
  private int position;
  private int length;
  private long number;
  private boolean done;

  Lines(TextInput text) {
    this.in = text.open();
    this.name = text.name();
  }

  /** The next line, or null after the last one. */
  String next() {
    if (done) {
      return null;
    }
    line.setLength(0);
    while (true) {
      if (position == length && !fill()) {
        done = true;
        close();
        break;
      }
      int start = position;
      while (position < length && buffer[position] != '\n') {
        position++;
      }
      line.append(buffer, start, position - start);
      if (position < length) {
        position++; // the '\n'
        break;
      }
    }
    number++;
    int end =
        line.length() > 0 && line.charAt(line.length() - 1) == '\r'
            ? line.length() - 1
            : line.length();
    return line.substring(0, end);
  }

  /** The number of the line {@link #next()} returned last. */
  long number() {
    return number;
  }

  private boolean fill() {
    try {
      int n = in.read(buffer);
      position = 0;
      length = Math.max(n, 0);
      return n > 0 || (n == 0 && fill());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }

  private void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }
}
