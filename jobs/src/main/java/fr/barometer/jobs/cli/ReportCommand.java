package fr.barometer.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.domain.ParisTime;
import fr.barometer.common.domain.Scope;
import fr.barometer.common.intervals.Funnel;
import fr.barometer.common.io.EditionSettings;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.publish.Measures;
import fr.barometer.common.report.Reports;
import fr.barometer.jobs.report.NationalFigures.BarometerCell;
import fr.barometer.jobs.report.NationalFigures.Correlation;
import fr.barometer.jobs.report.NationalFigures.SeriesPoint;
import fr.barometer.jobs.report.NationalFigures.SurveyCell;
import fr.barometer.jobs.report.ReportDocuments;
import fr.barometer.jobs.report.ReportRows;
import fr.barometer.jobs.report.StructureReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = "  bin/barometer report --edition 2017 --out reports",
    description =
        "Write the reports of an edition: per structure HTML and JSON (and PDF when personalised), "
            + "the national barometer page and an index.")
public final class ReportCommand implements Callable<Integer> {
  /** Why an accepted, eligible structure has no report: no audit gave it a score. */
  private static final String NO_AUDIT = "NO_AUDIT";

  @Mixin SparkOptions spark;

  @Option(names = "--edition", required = true, description = "The edition to report on.")
  int edition;

  @Option(names = "--out", required = true, description = "Folder the documents are written to.")
  Path out;

  @Option(
      names = "--structure",
      description = "Only this structure's report (and no national page).")
  String structure;

  @Override
  public Integer call() {
    SparkSession session = spark.session("barometer report");
    Warehouse warehouse = spark.warehouse(session);
    if (!warehouse.exists(Tables.REPORT_STANDARD)
        || !warehouse.exists(Tables.REPORT_PERSONALIZED)) {
      throw new BarometerException(
          "No report tables in " + warehouse.root() + "; run 'barometer run --landing DIR' first");
    }
    int k = EditionSettings.of(warehouse, edition).kAnonymity();
    ReportDocuments documents =
        new ReportDocuments(out.toAbsolutePath(), edition, k, LocalDate.now(ParisTime.ZONE));
    List<ReportDocuments.Entry> entries = new ArrayList<>();
    each(warehouse.read(Tables.REPORT_PERSONALIZED, edition), documents::personalized, entries);
    each(
        Reports.standardOnly(
            warehouse.read(Tables.REPORT_STANDARD, edition),
            warehouse.read(Tables.REPORT_PERSONALIZED, edition)),
        documents::standard,
        entries);
    if (structure == null) {
      documents.funnel(funnelPoints(warehouse), funnel(warehouse));
      documents.national(
          rows(warehouse.read(Tables.BAROMETER_NATIONAL, edition), BarometerCell.class),
          rows(warehouse.read(Tables.SURVEY_NATIONAL, edition), SurveyCell.class),
          rows(warehouse.read(Tables.PERCEIVED_VS_PRODUCED_NATIONAL, edition), Correlation.class)
              .stream()
              .findFirst()
              .orElse(null),
          regionNames(warehouse),
          criterionLabels(warehouse),
          nationalSeries(warehouse));
      documents.index(entries, unreported(warehouse));
    } else if (entries.isEmpty()) {
      throw new BarometerException(
          "Structure " + structure + " has no report in edition " + edition);
    }
    System.out.println(
        entries.size()
            + " report(s) of edition "
            + edition
            + " written to "
            + out.toAbsolutePath()
            + (structure == null ? " (open index.html)" : ""));
    return 0;
  }

  /** The national barometer score of this edition and the earlier ones, oldest first. */
  private List<SeriesPoint> nationalSeries(Warehouse warehouse) {
    if (!warehouse.exists(Tables.BAROMETER_SERIES)) {
      return List.of();
    }
    // The point's columns only (the table has the cell's others), edition included.
    return warehouse
        .read(Tables.BAROMETER_SERIES)
        .where(
            col("edition")
                .leq(edition)
                .and(col("scope").equalTo(Scope.NATIONAL.name()))
                .and(Measures.is(Measure.OVERALL)))
        .orderBy("edition")
        .select(
            "edition",
            "n_structures",
            "suppressed",
            "mean",
            "median",
            "previous_edition",
            "basis",
            "mean_change",
            "median_change")
        .collectAsList()
        .stream()
        .map(r -> ReportRows.as(r, SeriesPoint.class))
        .toList();
  }

  /** Each scored structure's remote audits on its main site and barometer score, unnamed. */
  private List<double[]> funnelPoints(Warehouse warehouse) {
    if (!hasScores(warehouse)) {
      return List.of();
    }
    return warehouse
        .read(Tables.STRUCTURE_SCORES, edition)
        .where(col("barometer_score").isNotNull())
        .join(warehouse.read(Tables.SITE_SCORES, edition).where(col("is_main")), "structure_id")
        .select("n_remote_audits", "barometer_score")
        .collectAsList()
        .stream()
        .map(r -> new double[] {r.getLong(0), r.getDouble(1)})
        .toList();
  }

  /**
   * The funnel's figures: the published national mean and one audit's spread; null when the
   * national cell is suppressed or the warehouse holds no scores.
   */
  private Funnel funnel(Warehouse warehouse) {
    if (!hasScores(warehouse)) {
      return null;
    }
    List<Row> national =
        warehouse
            .read(Tables.BAROMETER_NATIONAL, edition)
            .where(
                col("scope")
                    .equalTo(Scope.NATIONAL.name())
                    .and(Measures.is(Measure.OVERALL))
                    .and(col("suppressed").equalTo(false)))
            .select("mean")
            .collectAsList();
    if (national.isEmpty() || national.get(0).isNullAt(0)) {
      return null;
    }
    return new Funnel(
        national.get(0).getDouble(0),
        Funnel.auditSd(
            warehouse.read(Tables.ANSWER_POINTS, edition),
            warehouse.read(Tables.SITE_SCORES, edition),
            EditionSettings.of(warehouse, edition)));
  }

  private static boolean hasScores(Warehouse warehouse) {
    return warehouse.exists(Tables.STRUCTURE_SCORES)
        && warehouse.exists(Tables.SITE_SCORES)
        && warehouse.exists(Tables.ANSWER_POINTS);
  }

  /** Streams the rows to the driver one partition at a time: thousands of reports fit. */
  private void each(
      Dataset<Row> reports,
      Function<StructureReport, ReportDocuments.Entry> write,
      List<ReportDocuments.Entry> entries) {
    Dataset<Row> chosen =
        structure == null ? reports : reports.where(col("structure_id").equalTo(structure));
    Iterator<Row> rows = chosen.toLocalIterator();
    while (rows.hasNext()) {
      entries.add(write.apply(ReportRows.toReport(rows.next())));
    }
  }

  /**
   * Region code to name, from the reference communes (none in a warehouse without them: codes are
   * shown).
   */
  private Map<String, String> regionNames(Warehouse warehouse) {
    Map<String, String> names = new HashMap<>();
    if (warehouse.exists(Tables.COMMUNES)) {
      for (Row r :
          Reports.names(warehouse.read(Tables.COMMUNES, edition), "region").collectAsList()) {
        if (r.getAs("region_name") != null) {
          names.put(r.getAs("region_code"), r.getAs("region_name"));
        }
      }
    }
    return names;
  }

  /** Criterion code to the grid's label. */
  private Map<String, String> criterionLabels(Warehouse warehouse) {
    Map<String, String> labels = new HashMap<>();
    for (Row r : warehouse.read(Tables.REFERENTIAL_CRITERIA, edition).collectAsList()) {
      labels.put(r.getAs("criterion"), r.getAs("label"));
    }
    return labels;
  }

  /**
   * The structures of the registry without a report, and why: their application was not accepted
   * (its status), they are not eligible (the eligibility reason), or no audit scored them.
   */
  private List<ReportDocuments.Unreported> unreported(Warehouse warehouse) {
    Dataset<Row> reported = warehouse.read(Tables.REPORT_STANDARD, edition).select("structure_id");
    Dataset<Row> missing =
        warehouse
            .read(Tables.STRUCTURES, edition)
            .join(reported, "structure_id", "left_anti")
            .join(
                warehouse
                    .read(Tables.ELIGIBILITY, edition)
                    .select("structure_id", "eligible", "reason"),
                "structure_id",
                "left")
            .select(
                col("structure_id"),
                col("name"),
                col("category"),
                when(
                        col("application_status").notEqual(lit(ApplicationStatus.ACCEPTED.name())),
                        col("application_status"))
                    .when(col("eligible").equalTo(false), col("reason"))
                    .otherwise(lit(NO_AUDIT))
                    .as("reason"));
    return missing.collectAsList().stream()
        .map(
            r ->
                new ReportDocuments.Unreported(
                    r.getAs("structure_id"),
                    r.getAs("name"),
                    r.getAs("category"),
                    r.getAs("reason")))
        .toList();
  }

  private static <T> List<T> rows(Dataset<Row> table, Class<T> type) {
    return table.drop("edition").collectAsList().stream().map(r -> ReportRows.as(r, type)).toList();
  }
}
