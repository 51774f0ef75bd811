package fr.barometer.common.survey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Columns;
import fr.barometer.common.score.Ties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** How many citizens answered the survey, for the size of the population served (spec 5). */
public final class Participation {
  public static final String CONSULTATION_CITOYENNE = "CONSULTATION_CITOYENNE";

  private Participation() {}

  /**
   * Per participating structure with eligible responses: edition, structure_id, responses,
   * population (its commune's, the EPCI's for an intercommunality), per_1000, rank (1 = highest
   * participation, ties share a rank).
   */
  public static Dataset<Row> participation(
      Dataset<Row> surveyStructureResults, Dataset<Row> participating) {
    return surveyStructureResults
        .where(col("responses").gt(0))
        .join(
            participating.select("edition", "structure_id", "population"),
            Columns.on("edition", "structure_id"))
        .where(col("population").gt(0))
        .withColumn("per_1000", col("responses").multiply(1000.0).divide(col("population")))
        .withColumn(
            "rank",
            rank()
                .over(
                    Window.partitionBy("edition").orderBy(Ties.comparable(col("per_1000")).desc())))
        .select("edition", "structure_id", "responses", "population", "per_1000", "rank");
  }

  /**
   * The Consultation citoyenne trophy: the highest participation among structures with at least
   * survey_min_responses responses; ties go to more responses, then the smaller structure_id. In
   * the trophies' columns (no peer group: it is national).
   */
  public static Dataset<Row> consultationCitoyenne(
      Dataset<Row> participation, EditionConfig config) {
    return participation
        .where(col("responses").geq(config.surveyMinResponses()))
        .withColumn(
            "_place",
            row_number()
                .over(
                    Window.partitionBy("edition")
                        .orderBy(
                            Ties.comparable(col("per_1000")).desc(),
                            col("responses").desc(),
                            col("structure_id").asc())))
        .where(col("_place").equalTo(1))
        .select(
            col("edition"),
            lit(CONSULTATION_CITOYENNE).as("trophy"),
            lit(null).cast("string").as("peer_group"),
            col("structure_id"),
            col("per_1000").as("value"),
            lit(null).cast("double").as("compliance"));
  }
}
