package fr.barometer.common.ingest;

import fr.barometer.common.quality.BarometerException;
import java.io.IOException;
import java.io.StringReader;
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

  /** A file's records, and the text after the point where it stopped being parseable, if any. */
  public record Content(List<String> header, List<Record> records, Record unparseableTail) {}

  /**
   * Reads {@code file}; fails the run when the header lacks a required column, since the file is
   * then not what its name says.
   */
  public static Content read(TextFile file, char delimiter, List<String> requiredColumns) {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    List<Record> records = new ArrayList<>();
    List<String> header = null;
    try (CSVParser parser = CSVParser.parse(new StringReader(file.text()), format)) {
      Iterator<CSVRecord> it = parser.iterator();
      long before = 0;
      try {
        while (true) {
          before = parser.getCurrentLineNumber();
          if (!it.hasNext()) {
            break;
          }
          CSVRecord r = it.next();
          if (isBlank(r)) {
            continue;
          }
          if (header == null) {
            header = header(r, file.name(), requiredColumns);
            continue;
          }
          records.add(record(r, before + 1, header, format));
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        String rest = file.fromLine(before + 1);
        return new Content(header, records, new Record(before + 1, Map.of(), 0, rest));
      }
    } catch (IOException e) {
      throw BarometerException.cannotRead(file.name(), BarometerException.firstLine(e), e);
    }
    if (header == null) {
      header = List.of();
    }
    return new Content(header, records, null);
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
          "its header lacks the columns " + missing + " (found " + names
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
