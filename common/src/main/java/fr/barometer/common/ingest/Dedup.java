package fr.barometer.common.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The duplicate rules, applied among valid staged rows only (bad rows pass through untouched). Rows
 * with the same key are versions of one record, ordered by a version column (an audit's
 * recorded_at, a survey response's submitted_at; a constant for registry files):
 *
 * <ul>
 *   <li>copies with the same key, version and content collapse into one;
 *   <li>rows with the same key and version but different content conflict: every one is refused,
 *       and the best other version, if any, stands;
 *   <li>among the remaining versions one wins (latest or earliest); the others are collapsed.
 * </ul>
 *
 * The result is the input with a {@link #FATE} column: KEPT, COLLAPSED, CONFLICT, or null for rows
 * that were already refused.
 */
public final class Dedup {
  public static final String FATE = "_fate";
  public static final String KEPT = "KEPT";
  public static final String COLLAPSED = "COLLAPSED";
  public static final String CONFLICT = "CONFLICT";

  /** Which version of a record stands. */
  public enum Winner {
    LATEST,
    EARLIEST
  }

  private Dedup() {}

  public static Dataset<Row> resolve(
      Dataset<Row> staged, List<String> key, Column version, Winner winner) {
    Column valid = col(Staging.REASON).isNull();
    List<Column> keyCols = key.stream().map(org.apache.spark.sql.functions::col).toList();
    List<Column> keyAndVersion = new ArrayList<>(keyCols);
    keyAndVersion.add(col("_version"));
    List<Column> keyVersionContent = new ArrayList<>(keyAndVersion);
    keyVersionContent.add(col(Staging.CONTENT));

    WindowSpec sameVersion = Window.partitionBy(keyAndVersion.toArray(new Column[0]));
    WindowSpec sameContent =
        Window.partitionBy(keyVersionContent.toArray(new Column[0]))
            .orderBy(col(Staging.SOURCE_FILE), col(Staging.SOURCE_LINE));
    Column versionOrder = winner == Winner.LATEST ? col("_version").desc() : col("_version").asc();
    WindowSpec sameKey =
        Window.partitionBy(keyCols.toArray(new Column[0]))
            .orderBy(
                col("_conflict").asc(),
                versionOrder,
                col("_copy").asc(),
                col(Staging.SOURCE_FILE),
                col(Staging.SOURCE_LINE));

    // Hashed on the key alone, the rows meet all three windows with one shuffle instead of three.
    Dataset<Row> good =
        staged
            .where(valid)
            .repartition(keyCols.toArray(new Column[0]))
            .withColumn("_version", version)
            .withColumn(
                "_conflict",
                min(col(Staging.CONTENT))
                    .over(sameVersion)
                    .notEqual(max(col(Staging.CONTENT)).over(sameVersion)))
            .withColumn("_copy", row_number().over(sameContent))
            .withColumn("_pick", row_number().over(sameKey))
            .withColumn(
                FATE,
                when(col("_conflict"), lit(CONFLICT))
                    .when(col("_pick").equalTo(1), lit(KEPT))
                    .otherwise(lit(COLLAPSED)))
            .drop("_version", "_conflict", "_copy", "_pick");
    Dataset<Row> bad = staged.where(valid.unary_$bang()).withColumn(FATE, lit(null).cast("string"));
    return good.unionByName(bad);
  }

  /** Registry files have no versions: any two rows with one key are copies or conflicts. */
  public static Dataset<Row> resolve(Dataset<Row> staged, List<String> key) {
    return resolve(staged, key, lit(0), Winner.LATEST);
  }
}
