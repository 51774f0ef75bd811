package fr.barometer.jobs.report;

import static org.apache.spark.sql.functions.col;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.publish.Measures;
import fr.barometer.common.report.Disclosure;
import fr.barometer.common.report.EvolutionSection;
import fr.barometer.common.report.IntervalSection;
import fr.barometer.common.report.Reports;
import fr.barometer.common.score.Eligibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The report datasets participants receive. Runs after publish: it reads positioning. */
public final class ReportJob {
  /** The tables of the edition the step reads. */
  public static final List<String> READS =
      List.of(
          Tables.EDITION_SETTINGS,
          Tables.COMMUNES,
          Tables.STRUCTURES,
          Tables.SITES,
          Tables.ELIGIBILITY,
          Tables.STRUCTURE_SCORES,
          Tables.SITE_SCORES,
          Tables.SITE_CHANNEL_SCORES,
          Tables.SITE_STEP_SCORES,
          Tables.SITE_CRITERION_SCORES,
          Tables.SITE_ITEM_SCORES,
          Tables.REFERENTIAL_CRITERIA,
          Tables.REFERENTIAL_ITEMS,
          Tables.SCENARIOS,
          Tables.AUDITS,
          Tables.SURVEY_STRUCTURE_RESULTS,
          Tables.SURVEY_TERRITORY_RESULTS,
          Tables.SURVEY_NATIONAL,
          Tables.EVOLUTION,
          Tables.SCORE_INTERVALS);

  /** The tables it reads earlier editions of too (each edition's barometer score and medians). */
  public static final List<String> READS_OF_EARLIER_EDITIONS =
      List.of(Tables.POSITIONING, Tables.ELIGIBILITY, Tables.BAROMETER_NATIONAL);

  private ReportJob() {}

  public static void run(SparkSession spark, Warehouse warehouse, EditionConfig config) {
    int edition = config.edition();
    spark.sparkContext().setJobDescription("report " + edition);
    int k = config.kAnonymity();
    Dataset<Row> structureScores = warehouse.read(Tables.STRUCTURE_SCORES, edition);
    Dataset<Row> eligibility = warehouse.read(Tables.ELIGIBILITY, edition);
    Dataset<Row> communes = warehouse.read(Tables.COMMUNES, edition);
    Dataset<Row> structures = warehouse.read(Tables.STRUCTURES, edition);
    Dataset<Row> positions =
        Disclosure.positions(
            warehouse.read(Tables.POSITIONING, edition),
            Eligibility.participating(eligibility),
            warehouse.read(Tables.BAROMETER_NATIONAL, edition),
            k);
    Dataset<Row> overallSoFar = overallPositions(warehouse, edition, k);
    Dataset<Row> evolution = evolution(warehouse, edition);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(
        Tables.REPORT_STANDARD,
        EvolutionSection.add(
            Reports.standard(structures, structureScores, positions, eligibility, communes),
            edition,
            overallSoFar,
            evolution,
            EvolutionSection.Coverage.REMOTE_CHANNELS));
    tables.put(
        Tables.REPORT_PERSONALIZED,
        EvolutionSection.add(
            Reports.personalized(
                new Reports.Inputs(
                    eligibility,
                    structures,
                    warehouse.read(Tables.SITES, edition),
                    structureScores,
                    warehouse.read(Tables.SITE_SCORES, edition),
                    warehouse.read(Tables.SITE_CHANNEL_SCORES, edition),
                    warehouse.read(Tables.SITE_STEP_SCORES, edition),
                    warehouse.read(Tables.SITE_CRITERION_SCORES, edition),
                    warehouse.read(Tables.SITE_ITEM_SCORES, edition),
                    warehouse.read(Tables.REFERENTIAL_CRITERIA, edition),
                    warehouse.read(Tables.REFERENTIAL_ITEMS, edition),
                    warehouse.read(Tables.SCENARIOS, edition),
                    warehouse.read(Tables.AUDITS, edition),
                    positions,
                    warehouse.read(Tables.SURVEY_STRUCTURE_RESULTS, edition),
                    warehouse.read(Tables.SURVEY_TERRITORY_RESULTS, edition),
                    warehouse.read(Tables.SURVEY_NATIONAL, edition),
                    communes,
                    k)),
            edition,
            overallSoFar,
            evolution,
            EvolutionSection.Coverage.ALL_MEASURES));
    // Each report's score intervals, as the disclosure rule lets the structure see them.
    Dataset<Row> intervals =
        Disclosure.intervals(warehouse.read(Tables.SCORE_INTERVALS, edition), positions);
    tables.computeIfPresent(
        Tables.REPORT_STANDARD,
        (t, r) -> IntervalSection.add(r, intervals, EvolutionSection.Coverage.REMOTE_CHANNELS));
    tables.computeIfPresent(
        Tables.REPORT_PERSONALIZED,
        (t, r) -> IntervalSection.add(r, intervals, EvolutionSection.Coverage.ALL_MEASURES));
    warehouse.replaceEditions(edition, tables);
  }

  /**
   * The barometer score's position in this edition and the earlier ones, each edition's comparison
   * group chosen by the disclosure rule from that edition's published cells.
   */
  private static Dataset<Row> overallPositions(Warehouse warehouse, int edition, int k) {
    Column soFar = col("edition").leq(edition);
    return Disclosure.positions(
        warehouse.read(Tables.POSITIONING).where(soFar.and(Measures.is(Measure.OVERALL))),
        Eligibility.participating(warehouse.read(Tables.ELIGIBILITY).where(soFar)),
        warehouse.read(Tables.BAROMETER_NATIONAL).where(soFar.and(Measures.is(Measure.OVERALL))),
        k);
  }

  /** The edition's evolution rows. */
  private static Dataset<Row> evolution(Warehouse warehouse, int edition) {
    if (!warehouse.exists(Tables.EVOLUTION)) {
      throw new BarometerException(
          "Cannot write the reports of edition "
              + edition
              + ": "
              + warehouse.root()
              + " has no evolution table yet (written by a pipeline older than this one); run"
              + " 'barometer publish --edition "
              + edition
              + "' first");
    }
    return warehouse.read(Tables.EVOLUTION, edition);
  }
}
