package fr.barometer.common.evolution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.domain.EvolutionBasis;
import fr.barometer.common.io.Columns;
import fr.barometer.common.score.Ties;
import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The national barometer edition after edition: each cell beside the same cell (scope, scope value,
 * measure) of the latest earlier edition that has it, with the change. Each edition's suppression
 * stands: a change is published only when the cell is published in both editions, and never for a
 * measure whose items the two grids do not share.
 */
public final class BarometerSeries {
  private BarometerSeries() {}

  /**
   * edition, scope, scope_value, measure, n_structures, suppressed, suppression, mean, p25, median,
   * p75, compliance (the cell as published), previous_edition, previous_n_structures,
   * previous_suppressed, previous_mean, previous_median, previous_compliance, basis, mean_change,
   * median_change, compliance_change. previous_* and the changes are null for a cell that no
   * earlier edition has.
   */
  public static Dataset<Row> series(
      Dataset<Row> national, Dataset<Row> bases, Collection<Integer> targets) {
    Dataset<Row> earlier =
        national.select(
            col("edition").as("previous_edition"),
            col("scope"),
            col("scope_value"),
            col("measure"),
            col("n_structures").as("previous_n_structures"),
            col("suppressed").as("previous_suppressed"),
            col("mean").as("previous_mean"),
            col("median").as("previous_median"),
            col("compliance").as("previous_compliance"));
    Column isEarlier =
        col("previous_edition")
            .lt(col("edition"))
            .and(col("c.scope").equalTo(col("p.scope")))
            .and(col("c.scope_value").equalTo(col("p.scope_value")))
            .and(col("c.measure").equalTo(col("p.measure")));
    Dataset<Row> paired =
        national
            .where(col("edition").isin(targets.toArray()))
            .as("c")
            .join(earlier.as("p"), isEarlier, "left")
            .select(
                col("c.*"),
                col("previous_edition"),
                col("previous_n_structures"),
                col("previous_suppressed"),
                col("previous_mean"),
                col("previous_median"),
                col("previous_compliance"))
            .withColumn(
                "latest",
                max("previous_edition")
                    .over(
                        Window.partitionBy(
                            col("edition"), col("scope"), col("scope_value"), col("measure"))))
            .where(
                col("previous_edition").isNull().or(col("previous_edition").equalTo(col("latest"))))
            .drop("latest")
            .join(bases, Columns.on("edition", "previous_edition", "measure"), "left");
    Column changePublished =
        not(col("suppressed"))
            .and(not(col("previous_suppressed")))
            .and(col("basis").notEqual(EvolutionBasis.NOT_COMPARABLE.name()));
    return paired
        .withColumn(
            "basis",
            when(
                col("previous_edition").isNotNull(),
                coalesce(col("basis"), lit(EvolutionBasis.NOT_COMPARABLE.name()))))
        .withColumn("mean_change", change("mean", changePublished))
        .withColumn("median_change", change("median", changePublished))
        .withColumn("compliance_change", change("compliance", changePublished));
  }

  private static Column change(String figure, Column published) {
    return when(published, Ties.comparable(col(figure).minus(col("previous_" + figure))));
  }
}
