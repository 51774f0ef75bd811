package fr.barometer.common.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.domain.Measure;
import fr.barometer.common.io.Columns;
import fr.barometer.common.score.Ties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The campaign's trophies (spec 6). */
public final class Trophies {
  public static final String RELATION_CITOYEN = "RELATION_CITOYEN";

  private Trophies() {}

  /**
   * Relation citoyen: per peer group, the complete structure with the best barometer score; ties go
   * to the higher compliance (its main site's remote channels), then the smaller structure_id;
   * scores and compliances equal to {@link Ties#DECIMALS} decimals are ties. Columns: edition,
   * trophy, peer_group, structure_id, value, compliance.
   */
  public static Dataset<Row> relationCitoyen(Dataset<Row> structureScores) {
    return structureScores
        .where(col("complete").and(col("barometer_score").isNotNull()))
        .withColumn(
            "_place",
            row_number()
                .over(
                    Window.partitionBy("edition", "peer_group")
                        .orderBy(
                            Ties.comparable(col("barometer_score")).desc(),
                            Ties.comparable(col("compliance")).desc_nulls_last(),
                            col("structure_id").asc())))
        .where(col("_place").equalTo(1))
        .select(
            col("edition"),
            lit(RELATION_CITOYEN).as("trophy"),
            col("peer_group"),
            col("structure_id"),
            col("barometer_score").as("value"),
            col("compliance"));
  }

  /**
   * The trophies with p_first: for a Relation citoyen trophy, the share of the bootstrap replicates
   * in which its winner has the best barometer score among the complete structures of its peer
   * group, the trophy's candidates (score_intervals' p_first_complete; ties count as first); null
   * for the other trophies, and when the edition has no intervals.
   */
  public static Dataset<Row> withPFirst(Dataset<Row> trophies, Dataset<Row> scoreIntervals) {
    Dataset<Row> pFirst =
        scoreIntervals
            .where(col("measure").equalTo(Measure.OVERALL.text()))
            .select(col("edition"), col("structure_id"), col("p_first_complete").as("_p_first"));
    return trophies
        .join(pFirst, Columns.on("edition", "structure_id"), "left")
        .withColumn("p_first", when(col("trophy").equalTo(RELATION_CITOYEN), col("_p_first")))
        .drop("_p_first");
  }
}
