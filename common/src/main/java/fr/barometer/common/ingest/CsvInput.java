package fr.barometer.common.ingest;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.TextCheck;
import fr.barometer.common.io.TextInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a delimited file with Apache Commons CSV: quoted fields may hold the delimiter, doubled
 * quotes and line breaks. Each record keeps the line it starts on and its raw text, so a bad one
 * can be quarantined as read.
 */
public final class CsvInput {
  private CsvInput() {}

  /** One data record; {@code values} by header name, {@code fieldCount} as found on the line. */
  public record Record(long line, Map<String, String> values, int fieldCount, String raw) {
    public String get(String column) {
      String v = values.get(column);
      return v == null ? null : v.trim();
    }
  }

  /**
   * A file's records, read one at a time as they are asked for: the header is read when the file is
   * opened, so a file lacking a required column fails at once.
   */
  public static final class Records {
    private final TextInput file;
    private final CSVFormat format;
    private final CSVParser parser;
    private final Iterator<CSVRecord> it;
    private List<String> header;
    private Record unparseableTail;
    private boolean done;

    /**
     * The parser's line count before the record being read: that record starts on the next line.
     */
    private long lastLine;

    private Records(TextInput file, CSVFormat format, List<String> requiredColumns)
        throws IOException {
      this.file = file;
      this.format = format;
      this.parser = CSVParser.parse(file.open(), format);
      this.it = parser.iterator();
      CSVRecord first = nextNonBlank();
      if (first != null) {
        header = CsvInput.header(first, file.name(), requiredColumns);
      }
    }

    /** The header's column names, lower case; empty when the file has none. */
    public List<String> header() {
      return header == null ? List.of() : header;
    }

    /** The next data record, or null after the last one (then see {@link #unparseableTail()}). */
    public Record next() {
      CSVRecord r = nextNonBlank();
      return r == null ? null : record(r, lastLine + 1, header, format);
    }

    /**
     * Once {@link #next()} returned null: the text from the line where the file stopped being
     * parseable (unbalanced quotes) to its end, or null when it was read to the end.
     */
    public Record unparseableTail() {
      return unparseableTail;
    }

    /**
     * The next record that is not a blank line; null (and closed) at the end or where parsing
     * fails.
     */
    private CSVRecord nextNonBlank() {
      while (!done) {
        lastLine = parser.getCurrentLineNumber();
        try {
          if (!it.hasNext()) {
            finish(null);
            return null;
          }
          CSVRecord r = it.next();
          if (!isBlank(r)) {
            return r;
          }
        } catch (UncheckedIOException | IllegalStateException e) {
          finish(new Record(lastLine + 1, Map.of(), 0, file.fromLine(lastLine + 1)));
        }
      }
      return null;
    }

    private void finish(Record tail) {
      unparseableTail = tail;
      done = true;
      try {
        parser.close();
      } catch (IOException e) {
        throw BarometerException.cannotRead(file.name(), BarometerException.firstLine(e), e);
      }
    }
  }

  /**
   * Opens {@code file} and reads its header; fails the run when the header lacks a required column,
   * since the file is then not what its name says.
   */
  public static Records open(TextInput file, char delimiter, List<String> requiredColumns) {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    try {
      return new Records(file, format, requiredColumns);
    } catch (IOException e) {
      throw BarometerException.cannotRead(file.name(), BarometerException.firstLine(e), e);
    }
  }

  private static boolean isBlank(CSVRecord r) {
    return r.size() == 1 && r.get(0).isBlank();
  }

  private static List<String> header(CSVRecord r, String file, List<String> required) {
    List<String> names = new ArrayList<>();
    for (String v : r) {
      names.add(v.trim().toLowerCase(Locale.ROOT));
    }
    List<String> missing = required.stream().filter(c -> !names.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw BarometerException.cannotRead(
          file,
          "its header lacks the columns "
              + missing
              + " (it begins "
              + TextCheck.excerpt(String.join(",", names))
              + "); is it the right file, with the right delimiter?");
    }
    return names;
  }

  private static Record record(CSVRecord r, long line, List<String> header, CSVFormat format) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(r.size(), header.size()); i++) {
      values.put(header.get(i), r.get(i));
    }
    return new Record(line, values, r.size(), format.format(r.values()));
  }
}
