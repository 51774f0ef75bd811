package fr.barometer.common.survey;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.ingest.SurveyInput;
import fr.barometer.common.io.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Perceived quality (spec 5): satisfaction rates and NPS of the citizen survey, per structure, per
 * territory (the national barometer's scopes are published: see publish.SurveyNational). Only
 * eligible responses (last contact within 3 months) count; a structure or territory below
 * survey_min_responses gets no rate.
 */
public final class SurveyResults {
  public static final String PUBLISHED = "PUBLISHED";
  public static final String INSUFFICIENT = "INSUFFICIENT";

  private SurveyResults() {}

  /**
   * Per participating structure with responses: edition, structure_id, responses (eligible),
   * ineligible_responses, status, rate_q_access .. rate_q_overall, satisfaction_overall (=
   * rate_q_overall), nps. Rates and NPS are null when status is INSUFFICIENT.
   */
  public static Dataset<Row> perStructure(
      Dataset<Row> responses, Dataset<Row> participating, EditionConfig config) {
    Dataset<Row> ofParticipants =
        responses.join(
            participating.select("edition", "structure_id"), Columns.on("edition", "structure_id"));
    List<Column> figures = new ArrayList<>();
    figures.add(count(when(col("eligible"), 1)).as("responses"));
    figures.add(count(when(col("eligible").unary_$bang(), 1)).as("ineligible_responses"));
    figures.addAll(rates(col("eligible")));
    Dataset<Row> grouped =
        ofParticipants
            .groupBy("edition", "structure_id")
            .agg(figures.get(0), figures.subList(1, figures.size()).toArray(new Column[0]));
    return withThreshold(
        grouped,
        config.surveyMinResponses(),
        "edition",
        "structure_id",
        "responses",
        "ineligible_responses");
  }

  /**
   * Per territory (commune x category) of every eligible response, whether or not its structure
   * participates: edition, insee_code, category, department_code, region_code, responses, status,
   * rates, satisfaction_overall, nps, and beside them the same category's perception in the
   * commune's department and region (department_responses, department_structures,
   * department_satisfaction_overall, region_responses, region_structures,
   * region_satisfaction_overall), each with the same threshold; {territory}_structures counts the
   * distinct structures its responses name, what a report needs to keep the figure anonymous.
   */
  public static Dataset<Row> perTerritory(
      Dataset<Row> responses, Dataset<Row> communes, EditionConfig config) {
    Dataset<Row> eligible =
        responses
            .where(col("eligible").and(col("insee_code").isNotNull()))
            .join(
                communes.select("edition", "insee_code", "department_code", "region_code"),
                Columns.on("edition", "insee_code"),
                "left");
    Dataset<Row> grouped =
        eligible
            .groupBy("edition", "insee_code", "category", "department_code", "region_code")
            .agg(count(lit(1)).as("responses"), rates(lit(true)).toArray(new Column[0]));
    Dataset<Row> communeResults =
        withThreshold(
            grouped,
            config.surveyMinResponses(),
            "edition",
            "insee_code",
            "category",
            "department_code",
            "region_code",
            "responses");
    return communeResults
        .join(
            wider(eligible, "department_code", config),
            Columns.on("edition", "category", "department_code"),
            "left")
        .join(
            wider(eligible, "region_code", config),
            Columns.on("edition", "category", "region_code"),
            "left");
  }

  /**
   * The same category's perception over a wider territory (department or region), with the same
   * threshold: {territory}_responses, {territory}_structures and {territory}_satisfaction_overall.
   */
  private static Dataset<Row> wider(Dataset<Row> eligible, String territory, EditionConfig config) {
    String prefix = territory.replace("_code", "");
    List<Column> figures = new ArrayList<>(List.of(countDistinct("structure_id").as("structures")));
    figures.addAll(rates(lit(true)));
    Dataset<Row> grouped =
        eligible
            .where(col(territory).isNotNull())
            .groupBy("edition", "category", territory)
            .agg(count(lit(1)).as("responses"), figures.toArray(new Column[0]));
    return withThreshold(
            grouped,
            config.surveyMinResponses(),
            "edition",
            "category",
            territory,
            "responses",
            "structures")
        .select(
            col("edition"),
            col("category"),
            col(territory),
            col("responses").as(prefix + "_responses"),
            col("structures").as(prefix + "_structures"),
            col("satisfaction_overall").as(prefix + "_satisfaction_overall"));
  }

  /** 100 x answers in {3, 4} / answered, per question; NPS = % 9-10 minus % 0-6 of recommend. */
  public static List<Column> rates(Column counted) {
    List<Column> rates = new ArrayList<>();
    for (String q : SurveyInput.QUESTIONS) {
      Column answer = when(counted, col(q));
      rates.add(
          avg(when(answer.isNotNull(), when(answer.geq(3), 100.0).otherwise(0.0))).as("rate_" + q));
    }
    Column recommend = when(counted, col("recommend"));
    rates.add(
        avg(when(recommend.geq(9), 100.0)
                .when(recommend.leq(6), -100.0)
                .when(recommend.isNotNull(), 0.0))
            .as("nps"));
    return rates;
  }

  /** rate_q_*, then satisfaction_overall and nps. */
  public static List<String> valueColumns() {
    List<String> columns = new ArrayList<>();
    SurveyInput.QUESTIONS.forEach(q -> columns.add("rate_" + q));
    columns.add("satisfaction_overall");
    columns.add("nps");
    return columns;
  }

  private static Dataset<Row> withThreshold(
      Dataset<Row> grouped, int minResponses, String... keys) {
    Column enough = col("responses").geq(minResponses);
    Dataset<Row> out =
        grouped
            .withColumn("status", when(enough, lit(PUBLISHED)).otherwise(lit(INSUFFICIENT)))
            .withColumn("satisfaction_overall", col("rate_q_overall"));
    for (String value : valueColumns()) {
      out = out.withColumn(value, when(enough, col(value)));
    }
    List<String> columns = new ArrayList<>(List.of(keys));
    columns.add("status");
    columns.addAll(valueColumns());
    return out.selectExpr(columns.toArray(new String[0]));
  }
}
