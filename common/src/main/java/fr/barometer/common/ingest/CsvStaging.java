package fr.barometer.common.ingest;

import static fr.barometer.common.ingest.QuarantineReason.MALFORMED_RECORD;

import fr.barometer.common.io.TextInput;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Turns the records of one delimited file into staging rows: every record gives exactly one row,
 * clean or carrying its rejection. A file that is not UTF-8, a record with the wrong number of
 * fields, and an unparseable tail are rejected as malformed; an empty file gives one EMPTY_FILE
 * row.
 */
public final class CsvStaging {
  private CsvStaging() {}

  /** Fills a staging row from a record, or raises a {@link Rejection}. */
  @FunctionalInterface
  public interface Converter extends Serializable {
    void fill(CsvInput.Record record, Staging.RowBuilder row);
  }

  /** How one kind of delimited input is read. {@code maskPii}: raw records are masked too. */
  public record Layout(char delimiter, List<String> columns, boolean maskPii)
      implements Serializable {}

  /** The file's staging rows, made one at a time as they are consumed. */
  public static Iterator<Row> stage(
      TextInput file, Layout layout, Staging staging, int edition, Converter converter) {
    if (file.isEmpty()) {
      return List.of(staging.emptyFile(file, edition)).iterator();
    }
    CsvInput.Records records = CsvInput.open(file, layout.delimiter(), layout.columns());
    int headerSize = records.header().size();
    boolean[] tailStaged = {false};
    return Produced.of(
        () -> {
          CsvInput.Record record = records.next();
          if (record != null) {
            return stageOne(file, layout, staging, edition, converter, record, headerSize);
          }
          CsvInput.Record tail = records.unparseableTail();
          if (tail == null || tailStaged[0]) {
            return null;
          }
          tailStaged[0] = true;
          return staging
              .row(file.name(), tail.line(), raw(layout, tail.raw()))
              .set("edition", edition)
              .reject(
                  new Rejection(
                      MALFORMED_RECORD,
                      "unparseable from this line to the end of the file (unbalanced quotes)"))
              .build();
        });
  }

  private static Row stageOne(
      TextInput file,
      Layout layout,
      Staging staging,
      int edition,
      Converter converter,
      CsvInput.Record record,
      int headerSize) {
    Staging.RowBuilder row = staging.row(file.name(), record.line(), raw(layout, record.raw()));
    row.set("edition", edition);
    try {
      if (!file.validUtf8()) {
        throw Rejection.raise(MALFORMED_RECORD, "the file is not valid UTF-8");
      }
      if (record.fieldCount() != headerSize) {
        throw Rejection.raise(
            MALFORMED_RECORD, "expected " + headerSize + " fields, found " + record.fieldCount());
      }
      converter.fill(record, row);
      row.content(content(layout, record));
    } catch (Rejection.Raised r) {
      row.reject(r.rejection());
    }
    return row.build();
  }

  /** The record's values in the layout's column order: equal for identical copies. */
  private static String content(Layout layout, CsvInput.Record record) {
    StringBuilder sb = new StringBuilder();
    for (String c : layout.columns()) {
      String v = record.get(c);
      sb.append(layout.maskPii() ? PiiMasking.mask(v) : v).append('\u001F');
    }
    return sb.toString();
  }

  private static String raw(Layout layout, String raw) {
    return layout.maskPii() ? PiiMasking.mask(raw) : raw;
  }
}
