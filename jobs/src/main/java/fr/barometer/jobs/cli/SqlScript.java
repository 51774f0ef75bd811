package fr.barometer.jobs.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements separated by {@code ;}, read as they come (a statement typed at a terminal runs as
 * soon as its {@code ;} is read). A {@code ;} inside a string ({@code '...'} or {@code "..."}, with
 * Spark's backslash escapes), a quoted identifier ({@code `...`}) or a comment ({@code -- ...} to
 * the end of the line, {@code /* ... *}{@code /}, nested as Spark nests them) does not end a
 * statement. Statements holding only blanks and comments are skipped; the last one needs no {@code
 * ;}.
 */
final class SqlScript {
  /** One statement: its number (from 1), the line it starts on (from 1) and its text. */
  record Statement(int number, int line, String text) {}

  private final Reader in;
  private int line = 1;
  private int count;
  private int pushedBack = -2;

  SqlScript(Reader in) {
    this.in = in;
  }

  /** Every statement of {@code text}. */
  static List<Statement> split(String text) {
    SqlScript script = new SqlScript(new StringReader(text));
    List<Statement> all = new ArrayList<>();
    for (Optional<Statement> s = script.next(); s.isPresent(); s = script.next()) {
      all.add(s.get());
    }
    return all;
  }

  /** The next statement, empty at the end of the input. */
  Optional<Statement> next() {
    StringBuilder text = new StringBuilder();
    int startLine = -1;
    int c;
    while ((c = read()) >= 0) {
      if (c == ';') {
        if (startLine > 0) {
          return Optional.of(new Statement(++count, startLine, text.toString().strip()));
        }
        text.setLength(0);
        continue;
      }
      if (c == '-' && peek() == '-') {
        text.append((char) c);
        copyLineComment(text);
        continue;
      }
      if (c == '/' && peek() == '*') {
        text.append((char) c);
        copyBlockComment(text);
        continue;
      }
      if (startLine < 0 && !Character.isWhitespace(c)) {
        startLine = line;
      }
      text.append((char) c);
      if (c == '\'' || c == '"' || c == '`') {
        copyQuoted(c, text);
      }
    }
    return startLine > 0
        ? Optional.of(new Statement(++count, startLine, text.toString().strip()))
        : Optional.empty();
  }

  /** After an opening quote: up to and with the closing one (backslash escapes but in `...`). */
  private void copyQuoted(int quote, StringBuilder text) {
    int c;
    while ((c = read()) >= 0) {
      text.append((char) c);
      if (c == '\\' && quote != '`') {
        int escaped = read();
        if (escaped >= 0) {
          text.append((char) escaped);
        }
      } else if (c == quote) {
        return;
      }
    }
  }

  /** After the first '-' of "--": up to the end of the line. */
  private void copyLineComment(StringBuilder text) {
    int c;
    while ((c = read()) >= 0) {
      text.append((char) c);
      if (c == '\n') {
        return;
      }
    }
  }

  /** After the '/' of "/*": up to the matching "*" + "/", nested comments included. */
  private void copyBlockComment(StringBuilder text) {
    text.append((char) read());
    int depth = 1;
    int c;
    while ((c = read()) >= 0) {
      text.append((char) c);
      if (c == '/' && peek() == '*') {
        text.append((char) read());
        depth++;
      } else if (c == '*' && peek() == '/') {
        text.append((char) read());
        if (--depth == 0) {
          return;
        }
      }
    }
  }

  private int peek() {
    if (pushedBack == -2) {
      pushedBack = readChar();
    }
    return pushedBack;
  }

  private int read() {
    int c = pushedBack != -2 ? pushedBack : readChar();
    pushedBack = -2;
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private int readChar() {
    try {
      return in.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
