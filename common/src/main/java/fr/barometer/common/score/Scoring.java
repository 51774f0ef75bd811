package fr.barometer.common.score;

import static fr.barometer.common.io.Columns.on;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.ParisTime;
import fr.barometer.common.domain.Plan;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scoring of one edition (spec 2): from the ingested tables to answer points, site scores,
 * completeness and structure scores. Only the audits of participating structures (ACCEPTED and
 * eligible) are scored, so an ineligible structure appears in no output. Every function is a plain
 * transformation: nothing is read, written, cached or collected but the small grid.
 */
public final class Scoring {
  /** The rule function's result, one struct per answer. */
  private static final StructType SCORED =
      new StructType()
          .add("points", DataTypes.DoubleType)
          .add("basis", DataTypes.StringType)
          .add("working_days", DataTypes.IntegerType);

  /** The grid columns every answer row carries. */
  private static final StructType GRID_ROW =
      new StructType()
          .add("channel", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, false)
          .add("criterion", DataTypes.StringType, false)
          .add("step", DataTypes.StringType, false)
          .add("weight", DataTypes.DoubleType, false);

  private Scoring() {}

  /** Every score table of the edition {@code config.edition()}. */
  public static ScoringResult score(ScoringInputs in, EditionConfig config) {
    Scope scope = scope(in, config);
    return scope.tablesFrom(scope.answerPoints());
  }

  /** The grid (collected once), the perimeter and the audits that count, for one edition. */
  public static Scope scope(ScoringInputs in, EditionConfig config) {
    Dataset<Row> perimeter = perimeter(in.sites(), in.eligibility(), config);
    return new Scope(
        in,
        config,
        Grid.items(in.referentialItems(), config.edition()),
        perimeter,
        keptAudits(in.audits(), perimeter, config));
  }

  /**
   * What every score table of an edition starts from. A job may write {@link #answerPoints} first
   * and build the other tables from the rows read back from answer_points: the same tables.
   */
  public record Scope(
      ScoringInputs in,
      EditionConfig config,
      List<GridItem> grid,
      Dataset<Row> perimeter,
      Dataset<Row> audits) {

    public Dataset<Row> answerPoints() {
      return Scoring.answerPoints(audits, in.auditAnswers(), grid, config);
    }

    /** Every score table, from {@code points}: these answer points, or the same rows stored. */
    public ScoringResult tablesFrom(Dataset<Row> points) {
      Dataset<Row> channelScores = SiteScores.channelScores(points, grid);
      Dataset<Row> siteScores =
          SiteScores.siteScores(perimeter, audits, points, channelScores, config);
      Dataset<Row> completeness =
          Completeness.completeness(perimeter, audits, points, grid, config);
      return new ScoringResult(
          points,
          SiteScores.itemScores(points, grid),
          SiteScores.criterionScores(points, grid),
          channelScores,
          SiteScores.stepScores(points, grid),
          siteScores,
          completeness,
          StructureScores.structureScores(in.eligibility(), siteScores, completeness, config));
    }
  }

  /**
   * The sites in the audit perimeter of participating structures: the main site, and every site
   * when the plan is PERSONALIZED. Columns: edition, structure_id, site_id, is_main, mystery_visit,
   * plan.
   */
  public static Dataset<Row> perimeter(
      Dataset<Row> sites, Dataset<Row> eligibility, EditionConfig config) {
    Dataset<Row> participating =
        Eligibility.participating(eligibility)
            .where(col("edition").equalTo(config.edition()))
            .select("edition", "structure_id", "plan");
    return sites
        .where(col("edition").equalTo(config.edition()))
        .join(participating, on("edition", "structure_id"))
        .where(col("is_main").or(col("plan").equalTo(Plan.PERSONALIZED.name())))
        .select("edition", "structure_id", "site_id", "is_main", "mystery_visit", "plan");
  }

  /**
   * The audits that count: those of a perimeter site (of its own structure), VISIT audits only
   * where the visit option was taken. Ingestion already quarantines the others; filtering again
   * keeps the score tables and completeness consistent whatever the audits table holds.
   */
  public static Dataset<Row> keptAudits(
      Dataset<Row> audits, Dataset<Row> perimeter, EditionConfig config) {
    Column[] auditColumns =
        Arrays.stream(audits.columns()).map(functions::col).toArray(Column[]::new);
    // One row per site: sent whole to every task rather than shuffling every audit to meet it.
    return audits
        .where(col("edition").equalTo(config.edition()))
        .join(
            broadcast(perimeter.select("edition", "structure_id", "site_id", "mystery_visit")),
            on("edition", "structure_id", "site_id"))
        .where(col("channel").notEqual(Channel.VISIT.name()).or(col("mystery_visit")))
        .select(auditColumns);
  }

  /**
   * One row per (kept audit, grid item of the audit's channel): edition, structure_id, site_id,
   * audit_id, channel, scenario_id, item_id, criterion, step, weight, value, working_days, points,
   * basis. {@code value} is what the auditor typed (null when the audit does not answer the item;
   * kept even where a rule overrides it); {@code points} null means not applicable; {@code basis}
   * is an {@link fr.barometer.common.score.AnswerBasis} name. The rules are those of {@link
   * ScoredAnswer#of}.
   */
  public static Dataset<Row> answerPoints(
      Dataset<Row> keptAudits,
      Dataset<Row> auditAnswers,
      Dataset<Row> referentialItems,
      EditionConfig config) {
    return answerPoints(
        keptAudits, auditAnswers, Grid.items(referentialItems, config.edition()), config);
  }

  static Dataset<Row> answerPoints(
      Dataset<Row> keptAudits,
      Dataset<Row> auditAnswers,
      List<GridItem> grid,
      EditionConfig config) {
    Dataset<Row> items =
        broadcast(keptAudits.sparkSession().createDataFrame(gridRows(grid), GRID_ROW));
    Dataset<Row> answers =
        auditAnswers
            .where(col("edition").equalTo(config.edition()))
            .select("edition", "audit_id", "item_id", "value");
    Column scored =
        scoreAnswer(grid)
            .apply(col("item_id"), col("contacted_at"), col("answered_at"), col("value"));
    // Both sides hashed on the audit alone: an audit's (audit, item) rows are then made after the
    // shuffle instead of shuffled, a tenth of the bytes at 40,000 structures (needs
    // spark.sql.requireAllClusterKeysForCoPartition=false, a SparkSessions default).
    Column[] byAudit = {col("edition"), col("audit_id")};
    return keptAudits
        .select(
            "edition",
            "structure_id",
            "site_id",
            "audit_id",
            "channel",
            "scenario_id",
            "contacted_at",
            "answered_at")
        .repartition(byAudit)
        .join(items, on("channel"))
        .join(answers.repartition(byAudit), on("edition", "audit_id", "item_id"), "left")
        .withColumn("scored", scored)
        .select(
            col("edition"),
            col("structure_id"),
            col("site_id"),
            col("audit_id"),
            col("channel"),
            col("scenario_id"),
            col("item_id"),
            col("criterion"),
            col("step"),
            col("weight"),
            col("value"),
            col("scored.working_days").as("working_days"),
            col("scored.points").as("points"),
            col("scored.basis").as("basis"));
  }

  private static List<Row> gridRows(List<GridItem> grid) {
    return grid.stream()
        .map(
            i ->
                RowFactory.create(
                    i.channel().name(), i.id(), i.criterion(), i.step().name(), i.weight()))
        .toList();
  }

  /** The one Spark entry to the answer rules: a deterministic UDF over the grid. */
  private static UserDefinedFunction scoreAnswer(List<GridItem> grid) {
    Map<String, GridItem> byId = new HashMap<>();
    grid.forEach(i -> byId.put(i.id(), i));
    UDF4<String, Object, Object, String, Row> rule =
        (itemId, contactedAt, answeredAt, value) -> {
          ScoredAnswer s =
              ScoredAnswer.of(byId.get(itemId), instant(contactedAt), instant(answeredAt), value);
          return RowFactory.create(s.points(), s.basis().name(), s.workingDays());
        };
    return functions.udf(rule, SCORED);
  }

  /**
   * A Spark timestamp as an instant: java.sql.Timestamp by default, Instant when the session uses
   * the Java 8 time API, LocalDateTime for a timestamp without zone (read as Paris time).
   */
  private static Instant instant(Object timestamp) {
    if (timestamp == null) {
      return null;
    }
    if (timestamp instanceof Timestamp t) {
      return t.toInstant();
    }
    if (timestamp instanceof LocalDateTime t) {
      return t.atZone(ParisTime.ZONE).toInstant();
    }
    return (Instant) timestamp;
  }
}
