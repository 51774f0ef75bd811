package fr.barometer.common.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Scope;
import fr.barometer.common.ingest.SurveyInput;
import fr.barometer.common.io.Columns;
import fr.barometer.common.survey.SurveyResults;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The survey's satisfaction in the national barometer's scopes (spec 4 and 5), published with the
 * same suppression rules as the barometer's cells.
 */
public final class SurveyNational {
  private SurveyNational() {}

  /**
   * The survey in the national barometer's scopes, over the responses given to participating
   * structures: edition, scope, scope_value, n_structures, responses, suppressed, rates,
   * satisfaction_overall, nps. A cell with fewer than k_anonymity structures keeps its counts only.
   */
  public static Dataset<Row> cells(
      Dataset<Row> responses, Dataset<Row> participating, EditionConfig config) {
    // The structure's own category, not the one the respondent ticked.
    Dataset<Row> eligible =
        responses
            .where(col("eligible"))
            .drop("category")
            .join(
                participating.select(
                    "edition", "structure_id", "category", "stratum", "region_code"),
                Columns.on("edition", "structure_id"));
    Dataset<Row> scoped =
        scope(eligible, Scope.NATIONAL.name(), lit(Scope.FRANCE))
            .unionByName(scope(eligible, Scope.CATEGORY.name(), col("category")))
            .unionByName(scope(eligible, Scope.STRATUM.name(), col("stratum")))
            .unionByName(scope(eligible, Scope.REGION.name(), col("region_code")))
            .where(col("scope_value").isNotNull());
    List<Column> figures = new ArrayList<>(List.of(count(lit(1)).as("responses")));
    figures.addAll(SurveyResults.rates(lit(true)));
    Dataset<Row> grouped =
        scoped
            .groupBy("edition", "scope", "scope_value")
            .agg(countDistinct("structure_id").as("n_structures"), figures.toArray(new Column[0]))
            .withColumn("satisfaction_overall", col("rate_q_overall"));
    List<String> columns =
        new ArrayList<>(
            List.of(
                "edition",
                "scope",
                "scope_value",
                "n_structures",
                "responses",
                "suppressed",
                "suppression"));
    columns.addAll(SurveyResults.valueColumns());
    Dataset<Row> out =
        NationalBarometer.suppress(
            grouped, participating, config.kAnonymity(), SurveyResults.valueColumns());
    return out.selectExpr(columns.toArray(new String[0]));
  }

  private static Dataset<Row> scope(Dataset<Row> responses, String scope, Column value) {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                col("edition"),
                lit(scope).as("scope"),
                value.as("scope_value"),
                col("structure_id"),
                col("eligible"),
                col("recommend")));
    SurveyInput.QUESTIONS.forEach(q -> columns.add(col(q)));
    return responses.select(columns.toArray(new Column[0]));
  }
}
