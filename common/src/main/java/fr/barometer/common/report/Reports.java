package fr.barometer.common.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.domain.Measure;
import fr.barometer.common.domain.Plan;
import fr.barometer.common.domain.Scope;
import fr.barometer.common.io.Columns;
import fr.barometer.common.publish.Measures;
import fr.barometer.common.score.Eligibility;
import fr.barometer.common.score.SiteScores;
import fr.barometer.common.score.Ties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * The datasets participants receive (spec 6): the standard results of every scored structure and
 * the personalised report of every PERSONALIZED one, one row per structure with the whole report in
 * nested columns, so that a document is rendered from one row and names no other structure. Every
 * figure of other structures in them has gone through {@link Disclosure}.
 */
public final class Reports {
  /** Survey status of a structure no eligible response named. */
  public static final String NO_RESPONSES = "NO_RESPONSES";

  /** How many strengths and points of progress a report lists. */
  public static final int HIGHLIGHTS = 3;

  /** Marks the base rows while a report is assembled. */
  private static final String IN_BASE = "_in_base";

  /** A position as a structure receives it: {@link Disclosure#positions} without the keys. */
  private static final String[] POSITION = {
    "measure",
    "value",
    "peer_group_size",
    "peer_group_published",
    "comparison",
    "comparison_group",
    "comparison_size",
    "rank",
    "percentile",
    "quartile",
    "group_mean",
    "gap_to_group_mean",
    "group_p25",
    "group_median",
    "group_p75",
    "percentile_national",
    "gap_to_national_mean",
    "region_size",
    "rank_region",
    "percentile_region",
    "department_size",
    "rank_department",
    "percentile_department"
  };

  /** Where a structure is, by code and name: its main site's commune's region and department. */
  private static final String[] TERRITORY = {
    "region_code", "region_name", "department_code", "department_name"
  };

  private Reports() {}

  /**
   * report_standard, one row per scored structure: edition, structure_id, name, category, subtype,
   * plan, peer_group, barometer_score (its main site's remote channels), complete, territory
   * (struct), positioning (the OVERALL and remote-channel positions, as {@link
   * Disclosure#positions} lets the structure see them).
   */
  public static Dataset<Row> standard(
      Dataset<Row> structures,
      Dataset<Row> structureScores,
      Dataset<Row> positions,
      Dataset<Row> eligibility,
      Dataset<Row> communes) {
    Dataset<Row> remote =
        positions.where(Measures.is(Measure.OVERALL).or(Measures.isRemoteChannel()));
    Dataset<Row> report =
        assemble(
            structureScores.select(
                "edition",
                "structure_id",
                "category",
                "plan",
                "peer_group",
                "barometer_score",
                "complete"),
            structures.select("edition", "structure_id", "name", "subtype"),
            territories(eligibility, communes),
            positions(remote));
    return orEmpty(report, "positioning")
        .select(
            "edition",
            "structure_id",
            "name",
            "category",
            "subtype",
            "plan",
            "peer_group",
            "barometer_score",
            "complete",
            "territory",
            "positioning");
  }

  /**
   * The standard results of the structures that get no personalised report (it holds them already).
   */
  public static Dataset<Row> standardOnly(Dataset<Row> standard, Dataset<Row> personalized) {
    return standard.join(
        personalized.select("edition", "structure_id"),
        Columns.on("edition", "structure_id"),
        "left_anti");
  }

  /**
   * The inputs of a personalised report: the warehouse tables of one edition, positions as {@link
   * Disclosure#positions} made them, and the edition's k_anonymity.
   */
  public record Inputs(
      Dataset<Row> eligibility,
      Dataset<Row> structures,
      Dataset<Row> sites,
      Dataset<Row> structureScores,
      Dataset<Row> siteScores,
      Dataset<Row> channelScores,
      Dataset<Row> stepScores,
      Dataset<Row> criterionScores,
      Dataset<Row> itemScores,
      Dataset<Row> criteria,
      Dataset<Row> items,
      Dataset<Row> scenarios,
      Dataset<Row> audits,
      Dataset<Row> positions,
      Dataset<Row> surveyResults,
      Dataset<Row> surveyTerritory,
      Dataset<Row> surveyNational,
      Dataset<Row> communes,
      int kAnonymity) {}

  /**
   * report_personalized, one row per PERSONALIZED participating structure: edition, structure_id,
   * name, category, subtype, peer_group, territory (struct), performance (struct), sites, channels,
   * steps, criteria (each with its items), comments, positioning (every measure's position, as
   * {@link Disclosure#positions} lets the structure see it), survey (struct, with the department's,
   * region's and category's perception beside the structure's, each only when anonymous),
   * strengths, points_of_progress. Channel, step, criterion and item figures are the main site's,
   * the site the structure is compared on; sites lists every site's global score.
   */
  public static Dataset<Row> personalized(Inputs in) {
    Dataset<Row> structures =
        Eligibility.participating(in.eligibility())
            .where(col("plan").equalTo(Plan.PERSONALIZED.name()))
            .select(
                "edition",
                "structure_id",
                "category",
                "subtype",
                "peer_group",
                "region_code",
                "department_code")
            .join(
                in.structures().select("edition", "structure_id", "name"),
                Columns.on("edition", "structure_id"));
    Dataset<Row> mainSites =
        in.siteScores().where(col("is_main")).select("edition", "structure_id", "site_id");
    Dataset<Row> base =
        structures
            .join(
                territorySurvey(in.surveyTerritory(), "department_code"),
                Columns.on("edition", "category", "department_code"),
                "left")
            .join(
                territorySurvey(in.surveyTerritory(), "region_code"),
                Columns.on("edition", "category", "region_code"),
                "left")
            .join(categorySurvey(in.surveyNational()), Columns.on("edition", "category"), "left");
    Dataset<Row> report =
        assemble(
            base,
            performance(in.structureScores()),
            sites(in.sites(), in.siteScores()),
            channels(in.channelScores(), mainSites),
            steps(in.stepScores(), mainSites),
            criteria(in, mainSites),
            comments(in.audits(), in.sites(), in.scenarios()),
            positions(in.positions()),
            survey(in.surveyResults()),
            territories(in.eligibility(), in.communes()),
            highlights(in.positions(), in.criteria(), true),
            highlights(in.positions(), in.criteria(), false));
    return orEmpty(
            report,
            "sites",
            "channels",
            "steps",
            "criteria",
            "comments",
            "positioning",
            "strengths",
            "points_of_progress")
        .select(
            col("edition"),
            col("structure_id"),
            col("name"),
            col("category"),
            col("subtype"),
            col("peer_group"),
            col("territory"),
            col("performance"),
            col("sites"),
            col("channels"),
            col("steps"),
            col("criteria"),
            col("comments"),
            col("positioning"),
            surveyOf(in.kAnonymity()),
            col("strengths"),
            col("points_of_progress"));
  }

  private static Dataset<Row> performance(Dataset<Row> structureScores) {
    return structureScores.select(
        col("edition"),
        col("structure_id"),
        struct(
                col("barometer_score"),
                col("global_score"),
                col("all_sites_score"),
                col("compliance"),
                col("complete"),
                col("n_audits"),
                col("n_sites"))
            .as("performance"));
  }

  private static Dataset<Row> sites(Dataset<Row> sites, Dataset<Row> siteScores) {
    Dataset<Row> scored =
        siteScores.join(
            sites.select("edition", "site_id", "name"), Columns.on("edition", "site_id"), "left");
    // is_main descending first: the main site leads the list.
    return perStructure(
        scored,
        "sites",
        col("is_main").cast("int").multiply(-1).as("order"),
        col("site_id"),
        col("name"),
        col("is_main"),
        col("global_score"),
        col("remote_score"),
        col("compliance"),
        col("n_audits"));
  }

  private static Dataset<Row> channels(Dataset<Row> channelScores, Dataset<Row> mainSites) {
    return perStructure(
        onMainSites(channelScores, mainSites),
        "channels",
        col("channel"),
        col("score"),
        col("compliance"),
        col("n_audits"));
  }

  private static Dataset<Row> steps(Dataset<Row> stepScores, Dataset<Row> mainSites) {
    return perStructure(
        onMainSites(stepScores, mainSites), "steps", col("step"), col("score"), col("compliance"));
  }

  /** Every criterion (all channels together) with its items, per channel, nested. */
  private static Dataset<Row> criteria(Inputs in, Dataset<Row> mainSites) {
    Dataset<Row> items =
        onMainSites(in.itemScores(), mainSites)
            .join(
                in.items().select("edition", "item_id", "label"),
                Columns.on("edition", "item_id"),
                "left")
            .groupBy("edition", "structure_id", "criterion")
            .agg(
                array_sort(
                        collect_list(
                            struct(
                                col("item_id"),
                                col("channel"),
                                col("step"),
                                col("label"),
                                col("score"),
                                col("compliance"),
                                col("n_audits"))))
                    .as("items"));
    Dataset<Row> criteria =
        onMainSites(
                in.criterionScores().where(col("channel").equalTo(SiteScores.ALL_CHANNELS)),
                mainSites)
            .join(
                in.criteria().select("edition", "criterion", "label"),
                Columns.on("edition", "criterion"),
                "left")
            .join(items, Columns.on("edition", "structure_id", "criterion"), "left");
    return perStructure(
        orEmpty(criteria, "items"),
        "criteria",
        col("criterion"),
        col("label"),
        col("score"),
        col("compliance"),
        col("items"));
  }

  /** What the auditors wrote, on the structure's own sites, by channel and scenario. */
  private static Dataset<Row> comments(
      Dataset<Row> audits, Dataset<Row> sites, Dataset<Row> scenarios) {
    Dataset<Row> written =
        audits
            .where(col("comment").isNotNull().and(trim(col("comment")).notEqual("")))
            .join(
                sites.select(col("edition"), col("site_id"), col("name").as("site_name")),
                Columns.on("edition", "site_id"),
                "left")
            .join(
                scenarios.select(
                    col("edition"), col("scenario_id"), col("label").as("scenario_label")),
                Columns.on("edition", "scenario_id"),
                "left");
    return perStructure(
        written,
        "comments",
        col("channel"),
        col("scenario_id"),
        col("scenario_label"),
        col("contacted_at"),
        col("site_name"),
        col("comment"));
  }

  private static Dataset<Row> positions(Dataset<Row> positions) {
    return perStructure(positions, "positioning", columns(POSITION));
  }

  /**
   * Per participating structure, its territory: edition, structure_id, territory (struct of
   * region_code, region_name, department_code, department_name), the main site's commune's, as
   * eligibility placed it, named from the reference communes.
   */
  static Dataset<Row> territories(Dataset<Row> eligibility, Dataset<Row> communes) {
    Dataset<Row> named =
        Eligibility.participating(eligibility)
            .select("edition", "structure_id", "region_code", "department_code")
            .join(names(communes, "region"), Columns.on("edition", "region_code"), "left")
            .join(names(communes, "department"), Columns.on("edition", "department_code"), "left");
    return named.select(
        col("edition"), col("structure_id"), struct(columns(TERRITORY)).as("territory"));
  }

  /**
   * One name per region (level "region") or department (level "department") code, from the
   * reference communes: edition, {level}_code, {level}_name. Also names the national page's REGION
   * cells, whose scope_value is a region code.
   */
  public static Dataset<Row> names(Dataset<Row> communes, String level) {
    // Every commune of a code carries the same name; grouping keeps one row per code whatever the
    // reference holds, so a join never multiplies a structure's row.
    return communes
        .where(col(level + "_code").isNotNull())
        .groupBy("edition", level + "_code")
        .agg(first(level + "_name", true).as(level + "_name"));
  }

  /**
   * The citizens' perception of the structure's category over its department (territory
   * "department_code") or region ("region_code"), as survey_territory_results holds it beside each
   * commune: edition, category, the code, {level}_responses, {level}_satisfaction_overall (null
   * below the survey threshold, as in the table).
   */
  private static Dataset<Row> territorySurvey(Dataset<Row> surveyTerritory, String territory) {
    String level = territory.replace("_code", "");
    // Every commune row of a department (region) and category carries the same wider figures:
    // one row per territory and category, taken from any of them.
    return surveyTerritory
        .where(col(territory).isNotNull())
        .groupBy("edition", "category", territory)
        .agg(
            first(level + "_responses").as(level + "_responses"),
            first(level + "_structures").as(level + "_structures"),
            first(level + "_satisfaction_overall").as(level + "_satisfaction_overall"));
  }

  /**
   * The category's national perception, as the published survey_national cell holds it: edition,
   * category, category_responses, category_structures, category_satisfaction_overall (null when the
   * cell is suppressed).
   */
  private static Dataset<Row> categorySurvey(Dataset<Row> surveyNational) {
    return surveyNational
        .where(col("scope").equalTo(Scope.CATEGORY.name()))
        .select(
            col("edition"),
            col("scope_value").as("category"),
            col("responses").as("category_responses"),
            col("n_structures").as("category_structures"),
            when(not(col("suppressed")), col("satisfaction_overall"))
                .as("category_satisfaction_overall"));
  }

  private static Dataset<Row> survey(Dataset<Row> results) {
    return results.select(
        col("edition"),
        col("structure_id"),
        col("status"),
        col("responses"),
        col("rate_q_access"),
        col("rate_q_reception"),
        col("rate_q_information"),
        col("rate_q_delay"),
        col("rate_q_courtesy"),
        col("rate_q_overall"),
        col("satisfaction_overall"),
        col("nps"));
  }

  /**
   * The survey block, after the left joins: a structure no response named says so; the category's
   * perception in its department, region and nationally as {@link Disclosure#territorialPerception}
   * lets the structure see it.
   */
  private static Column surveyOf(int kAnonymity) {
    List<Column> fields =
        new ArrayList<>(
            List.of(
                coalesce(col("status"), lit(NO_RESPONSES)).as("status"),
                coalesce(col("responses"), lit(0L)).as("responses"),
                col("rate_q_access"),
                col("rate_q_reception"),
                col("rate_q_information"),
                col("rate_q_delay"),
                col("rate_q_courtesy"),
                col("rate_q_overall"),
                col("satisfaction_overall"),
                col("nps")));
    fields.addAll(Disclosure.territorialPerception(kAnonymity));
    return struct(fields.toArray(new Column[0])).as("survey");
  }

  /**
   * Strengths (above = true): the criteria furthest above their comparison group's mean, largest
   * gap first; points of progress: those furthest below, largest shortfall first. A criterion at or
   * on the wrong side of the mean is neither, nor is one without a published comparison group; gaps
   * equal to {@link Ties#DECIMALS} decimals are ties, which go to the smaller criterion code.
   */
  static Dataset<Row> highlights(Dataset<Row> positions, Dataset<Row> criteria, boolean above) {
    Column gap = col("gap_to_group_mean");
    Column compared = Ties.comparable(gap);
    WindowSpec furthest =
        Window.partitionBy("edition", "structure_id")
            .orderBy(above ? compared.desc() : compared.asc(), col("criterion").asc());
    Dataset<Row> picked =
        positions
            .where(
                Measures.isA(Measure.Kind.CRITERION).and(above ? compared.gt(0) : compared.lt(0)))
            .withColumn("criterion", Measures.code())
            .withColumn("order", row_number().over(furthest))
            .where(col("order").leq(HIGHLIGHTS))
            .join(
                criteria.select("edition", "criterion", "label"),
                Columns.on("edition", "criterion"),
                "left");
    return perStructure(
        picked,
        above ? "strengths" : "points_of_progress",
        col("order"),
        col("criterion"),
        col("label"),
        col("value"),
        col("comparison"),
        col("comparison_group"),
        col("group_mean"),
        gap.as("gap"));
  }

  /**
   * The base rows (one per structure), each left-joined with its row of every piece (at most one
   * per structure, columns named apart): a piece's columns are null where it has no row.
   *
   * <p>Done as one union grouped by structure rather than a chain of joins: a dozen sort-merge
   * joins in one task hold a dozen sorters at once and ran out of execution memory on a national
   * edition (40,000 structures, -Xmx4g), where one grouping holds one sorter that can spill.
   */
  @SafeVarargs
  static Dataset<Row> assemble(Dataset<Row> base, Dataset<Row>... pieces) {
    Dataset<Row> all = base.withColumn(IN_BASE, lit(true));
    for (Dataset<Row> piece : pieces) {
      all = all.unionByName(piece, true);
    }
    Column[] values =
        Arrays.stream(all.columns())
            .filter(name -> !name.equals("edition") && !name.equals("structure_id"))
            // Each column is non-null in at most one row of a structure: the first non-null is it.
            .map(name -> first(col(name), true).as(name))
            .toArray(Column[]::new);
    return all.groupBy("edition", "structure_id")
        .agg(values[0], Arrays.copyOfRange(values, 1, values.length))
        .where(col(IN_BASE).isNotNull())
        .drop(IN_BASE);
  }

  /** Groups rows into one sorted array of structs (sorted on the first field) per structure. */
  static Dataset<Row> perStructure(Dataset<Row> rows, String name, Column... fields) {
    return rows.groupBy("edition", "structure_id")
        .agg(array_sort(collect_list(struct(fields))).as(name));
  }

  private static Dataset<Row> onMainSites(Dataset<Row> scores, Dataset<Row> mainSites) {
    return scores.join(mainSites, Columns.on("edition", "structure_id", "site_id"));
  }

  private static Column[] columns(String... names) {
    return Arrays.stream(names).map(functions::col).toArray(Column[]::new);
  }

  /** Replaces null arrays (a structure with no such rows, after a left join) by empty ones. */
  static Dataset<Row> orEmpty(Dataset<Row> rows, String... arrays) {
    Dataset<Row> result = rows;
    for (String name : arrays) {
      result =
          result.withColumn(
              name, coalesce(col(name), array().cast(rows.schema().apply(name).dataType())));
    }
    return result;
  }
}
