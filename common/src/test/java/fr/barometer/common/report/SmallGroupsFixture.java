package fr.barometer.common.report;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.TestConfigs;
import fr.barometer.common.publish.NationalBarometer;
import fr.barometer.common.publish.Positioning;
import fr.barometer.common.score.Eligibility;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-built edition whose peer groups hold 1, 2, k - 1 and k structures (k = 4), every structure
 * PERSONALIZED so that each writes every kind of document. Non-town-hall structures: the peer group
 * is the category.
 *
 * <pre>
 *   POSTAL      P1                   1 structure   region 11, department 75
 *   SOCIAL      S1 S2                2             region 11, department 75
 *   EMPLOYMENT  E1 E2 E3             3 = k - 1     region 11, department 75
 *   TRANSPORT   T1 T2 T3 T4          4 = k         region 84; T1-T3 department 69, T4 38
 * </pre>
 *
 * <p>Measures: OVERALL is the value below, CHANNEL:EMAIL the value + 3.11, CRITERION:C01 the value
 * - 5.03. The national barometer and the positioning are computed by the real rules.
 */
public final class SmallGroupsFixture {
  public static final int EDITION = 2017;
  public static final int K = 4;
  public static final String EMAIL_SHIFT_MEASURE = "CHANNEL:EMAIL";
  public static final double EMAIL_SHIFT = 3.11;
  public static final double CRITERION_SHIFT = -5.03;

  /** A structure of the fixture. */
  public record Structure(
      String id, String category, double overall, String region, String department) {
    /** Its value for a measure of the fixture. */
    public double value(String measure) {
      return switch (measure) {
        case "OVERALL" -> overall;
        case EMAIL_SHIFT_MEASURE -> overall + EMAIL_SHIFT;
        default -> overall + CRITERION_SHIFT;
      };
    }
  }

  public static final List<String> MEASURES =
      List.of("OVERALL", EMAIL_SHIFT_MEASURE, "CRITERION:C01");

  public static final List<Structure> STRUCTURES =
      List.of(
          new Structure("P1", "POSTAL", 50.87, "11", "75"),
          new Structure("S1", "SOCIAL", 61.13, "11", "75"),
          new Structure("S2", "SOCIAL", 43.71, "11", "75"),
          new Structure("E1", "EMPLOYMENT", 71.19, "11", "75"),
          new Structure("E2", "EMPLOYMENT", 57.83, "11", "75"),
          new Structure("E3", "EMPLOYMENT", 66.41, "11", "75"),
          new Structure("T1", "TRANSPORT", 81.07, "84", "69"),
          new Structure("T2", "TRANSPORT", 76.29, "84", "69"),
          new Structure("T3", "TRANSPORT", 68.53, "84", "69"),
          new Structure("T4", "TRANSPORT", 59.97, "84", "38"));

  private SmallGroupsFixture() {}

  /** The structures of a peer group (here, a category). */
  public static List<Structure> groupOf(Structure s) {
    return STRUCTURES.stream().filter(o -> o.category().equals(s.category())).toList();
  }

  /** The report inputs of the edition. */
  public static Reports.Inputs inputs() {
    Dataset<Row> measures = measures();
    Dataset<Row> eligibility =
        df(
            "edition INT, structure_id STRING, category STRING, subtype STRING, plan STRING,"
                + " insee_code STRING, region_code STRING, department_code STRING, eligible"
                + " BOOLEAN, reason STRING, stratum STRING, peer_group STRING",
            each(
                s ->
                    row(
                        EDITION,
                        s.id(),
                        s.category(),
                        "Agence",
                        "PERSONALIZED",
                        s.department() + "001",
                        s.region(),
                        s.department(),
                        true,
                        null,
                        null,
                        s.category())));
    Dataset<Row> positions =
        Disclosure.positions(
            Positioning.positioning(measures),
            Eligibility.participating(eligibility),
            NationalBarometer.cells(measures, TestConfigs.withK(K)),
            K);
    return new Reports.Inputs(
        eligibility,
        df(
            "edition INT, structure_id STRING, name STRING, category STRING, subtype STRING, "
                + "application_status STRING",
            each(
                s ->
                    row(
                        EDITION,
                        s.id(),
                        "Structure " + s.id(),
                        s.category(),
                        "Agence",
                        "ACCEPTED"))),
        df(
            "edition INT, site_id STRING, structure_id STRING, name STRING, is_main BOOLEAN",
            each(s -> row(EDITION, "SITE-" + s.id(), s.id(), "Site " + s.id(), true))),
        df(
            "edition INT, structure_id STRING, category STRING, plan STRING, peer_group STRING,"
                + " barometer_score DOUBLE, global_score DOUBLE, all_sites_score DOUBLE, compliance"
                + " DOUBLE, complete BOOLEAN, n_audits BIGINT, n_sites BIGINT",
            each(
                s ->
                    row(
                        EDITION,
                        s.id(),
                        s.category(),
                        "PERSONALIZED",
                        s.category(),
                        s.overall(),
                        s.overall(),
                        s.overall(),
                        50.0,
                        true,
                        13L,
                        1L))),
        df(
            "edition INT, structure_id STRING, site_id STRING, is_main BOOLEAN, global_score"
                + " DOUBLE, remote_score DOUBLE, compliance DOUBLE, n_audits BIGINT",
            each(
                s ->
                    row(
                        EDITION,
                        s.id(),
                        "SITE-" + s.id(),
                        true,
                        s.overall(),
                        s.overall(),
                        50.0,
                        13L))),
        df(
            "edition INT, structure_id STRING, site_id STRING, channel STRING, score DOUBLE,"
                + " compliance DOUBLE, n_audits BIGINT",
            each(
                s ->
                    row(
                        EDITION,
                        s.id(),
                        "SITE-" + s.id(),
                        "EMAIL",
                        s.value(EMAIL_SHIFT_MEASURE),
                        50.0,
                        4L))),
        df(
            "edition INT, structure_id STRING, site_id STRING, step STRING, score DOUBLE,"
                + " compliance DOUBLE",
            List.of()),
        df(
            "edition INT, structure_id STRING, site_id STRING, channel STRING, criterion STRING,"
                + " score DOUBLE, compliance DOUBLE",
            each(
                s ->
                    row(
                        EDITION,
                        s.id(),
                        "SITE-" + s.id(),
                        "ALL",
                        "C01",
                        s.value("CRITERION:C01"),
                        50.0))),
        df(
            "edition INT, structure_id STRING, site_id STRING, channel STRING, item_id STRING,"
                + " criterion STRING, step STRING, score DOUBLE, compliance DOUBLE, n_audits"
                + " BIGINT",
            List.of()),
        df(
            "edition INT, criterion STRING, label STRING",
            List.of(row(EDITION, "C01", "Accessibilité"))),
        df("edition INT, item_id STRING, label STRING", List.of()),
        df("edition INT, scenario_id STRING, label STRING", List.of()),
        df(
            "edition INT, audit_id STRING, structure_id STRING, site_id STRING, channel STRING, "
                + "scenario_id STRING, contacted_at TIMESTAMP, comment STRING",
            List.of()),
        positions,
        df(
            "edition INT, structure_id STRING, responses BIGINT, status STRING, rate_q_access"
                + " DOUBLE, rate_q_reception DOUBLE, rate_q_information DOUBLE, rate_q_delay"
                + " DOUBLE, rate_q_courtesy DOUBLE, rate_q_overall DOUBLE, satisfaction_overall"
                + " DOUBLE, nps DOUBLE",
            List.of()),
        df(
            "edition INT, insee_code STRING, category STRING, department_code STRING, region_code"
                + " STRING, responses BIGINT, status STRING, satisfaction_overall DOUBLE,"
                + " department_responses BIGINT, department_structures BIGINT,"
                + " department_satisfaction_overall DOUBLE, region_responses BIGINT,"
                + " region_structures BIGINT, region_satisfaction_overall DOUBLE",
            List.of()),
        df(
            "edition INT, scope STRING, scope_value STRING, n_structures BIGINT, responses BIGINT, "
                + "suppressed BOOLEAN, satisfaction_overall DOUBLE",
            List.of()),
        df(
            "edition INT, insee_code STRING, name STRING, department_code STRING, department_name"
                + " STRING, region_code STRING, region_name STRING, population BIGINT",
            List.of()),
        K);
  }

  /** The standard results of the edition, as the report step makes them. */
  public static Dataset<Row> standard(Reports.Inputs in) {
    return Reports.standard(
        in.structures(), in.structureScores(), in.positions(), in.eligibility(), in.communes());
  }

  /** The main sites' figures, as Measures.ofMainSites gives them. */
  private static Dataset<Row> measures() {
    List<Row> rows = new ArrayList<>();
    for (Structure s : STRUCTURES) {
      for (String measure : MEASURES) {
        rows.add(
            row(
                EDITION,
                s.id(),
                s.category(),
                "Agence",
                null,
                s.category(),
                s.region(),
                s.department(),
                measure,
                s.value(measure),
                5L,
                10L));
      }
    }
    return df(
        "edition INT, structure_id STRING, category STRING, subtype STRING, stratum STRING,"
            + " peer_group STRING, region_code STRING, department_code STRING, measure STRING,"
            + " value DOUBLE, compliant BIGINT, applicable BIGINT",
        rows);
  }

  private static List<Row> each(java.util.function.Function<Structure, Row> row) {
    return STRUCTURES.stream().map(row).toList();
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  private static Dataset<Row> df(String ddl, List<Row> rows) {
    return SparkTestSession.get().createDataFrame(rows, StructType.fromDDL(ddl));
  }
}
