package fr.barometer.common.ingest;

import fr.barometer.common.io.TextInput;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The staging form of an input: every row read, good or bad, with the clean table's columns plus
 * where it came from, the raw record, a content key and, for a bad row, its reason. Bad rows travel
 * with the good ones until they are split into the clean table and the quarantine, so none is lost.
 */
public final class Staging implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_LINE = "source_line";

  /** The record as read (PII masked for the survey). */
  public static final String RECORD = "_record";

  /** Null for a good row, else a QuarantineReason name. */
  public static final String REASON = "_reason";

  public static final String DETAIL = "_detail";

  /**
   * A digest of the canonical content, to tell identical copies from conflicting ones. A digest and
   * not the content itself: the duplicate rules shuffle it with every row (an audit's JSON is ~2
   * KB).
   */
  public static final String CONTENT = "_content";

  private final StructType clean;
  private final StructType staged;
  private final Map<String, Integer> index = new LinkedHashMap<>();

  /** {@code extra} are staging-only columns (e.g. an audit's answers before they are exploded). */
  public Staging(StructType clean, StructField... extra) {
    this.clean = clean;
    List<StructField> fields = new ArrayList<>();
    for (StructField f : clean.fields()) {
      fields.add(nullable(f.name(), f.dataType()));
    }
    if (!clean.getFieldIndex(SOURCE_FILE).isDefined()) {
      fields.add(nullable(SOURCE_FILE, DataTypes.StringType));
      fields.add(nullable(SOURCE_LINE, DataTypes.LongType));
    }
    fields.addAll(List.of(extra));
    fields.add(nullable(RECORD, DataTypes.StringType));
    fields.add(nullable(REASON, DataTypes.StringType));
    fields.add(nullable(DETAIL, DataTypes.StringType));
    fields.add(nullable(CONTENT, DataTypes.StringType));
    this.staged = new StructType(fields.toArray(new StructField[0]));
    for (int i = 0; i < staged.fields().length; i++) {
      index.put(staged.fields()[i].name(), i);
    }
  }

  public StructType cleanSchema() {
    return clean;
  }

  public StructType schema() {
    return staged;
  }

  public RowBuilder row(String sourceFile, long sourceLine, String record) {
    return new RowBuilder()
        .set(SOURCE_FILE, sourceFile)
        .set(SOURCE_LINE, sourceLine)
        .set(RECORD, record);
  }

  /**
   * The one row an empty file gives: quarantined as EMPTY_FILE at line 0 with an empty record, so
   * the file is visible in quarantine and counted once in the run log instead of stopping the run.
   */
  public Row emptyFile(TextInput file, int edition) {
    return row(file.name(), 0, "")
        .set("edition", edition)
        .reject(
            new Rejection(
                QuarantineReason.EMPTY_FILE, "the file is empty (zero bytes or whitespace only)"))
        .build();
  }

  /**
   * SHA-256 of the canonical content, Base64: equal contents give equal keys, and no collision is
   * expected.
   */
  static String digest(String canonical) {
    try {
      return java.util.Base64.getEncoder()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static StructField nullable(String name, org.apache.spark.sql.types.DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  /** Fills one staging row by column name. */
  public final class RowBuilder {
    private final Object[] values = new Object[staged.fields().length];

    public RowBuilder set(String column, Object value) {
      Integer i = index.get(column);
      if (i == null) {
        throw new IllegalArgumentException("No column " + column + " in " + staged.simpleString());
      }
      values[i] = value;
      return this;
    }

    /** Sets the content key from the record's canonical form. */
    public RowBuilder content(String canonical) {
      return set(CONTENT, digest(canonical));
    }

    public RowBuilder reject(Rejection rejection) {
      return set(REASON, rejection.reason().name()).set(DETAIL, rejection.detail());
    }

    public Row build() {
      return new GenericRowWithSchema(values.clone(), staged);
    }
  }
}
