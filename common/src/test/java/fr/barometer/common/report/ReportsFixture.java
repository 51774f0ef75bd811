package fr.barometer.common.report;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Tables;
import fr.barometer.common.publish.Positioning;
import fr.barometer.common.score.Eligibility;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-built scored edition for the reports: three town halls of stratum S2, two PERSONALIZED
 * (Alpha, Beta) and one STANDARD (Gamma), with eight criteria whose peer-group mean is 70 each, so
 * every gap is read off the table below. Positioning is computed by the real rule.
 *
 * <pre>
 *        C01 C02 C03 C04 C05 C06 C07 C08
 * Alpha   90  80  50  75  60  70  65  72   strengths C01 +20, C02 +10, C04 +5; progress C03 -20, C05 -10, C07 -5
 * Beta    60  70  80  70  70  70  70  70   strength C03 +10; progress C01 -10
 * Gamma   60  60  80  65  80  70  75  68
 * </pre>
 *
 * <p>Territory: Alpha in Rennes (department 35, region 53 Bretagne), Beta in Saint-Brieuc (22,
 * region 53), Gamma in Nantes (44, region 52 Pays de la Loire), so each structure's peer group (3),
 * region (2 or 1) and department (1) have different sizes. The survey's territory table
 * (ADMINISTRATION): department 35 has 20 responses (Rennes 2, Bruz 18; 12 satisfied), below the
 * threshold of 30, so its satisfaction is suppressed; department 22 has Saint-Brieuc's 40 (30
 * satisfied: 75.0); region 53 has 60 responses, 42 satisfied: 70.0. Nantes has 32 (20 satisfied:
 * 62.5). A POSTAL row in Saint-Brieuc (90.0) is another category's and must not reach Beta.
 */
public final class ReportsFixture {
  public static final int EDITION = 2017;

  /**
   * The fixture's k_anonymity: small enough that its three structures form a published peer group
   * and region 53 (two structures) may be shown, while every department (one) may not.
   */
  public static final int K = 2;

  public static final String ALPHA = "STR-ALPHA";
  public static final String BETA = "STR-BETA";
  public static final String GAMMA = "STR-GAMMA";
  public static final String ALPHA_NAME = "Mairie d'Alphaville";
  public static final String BETA_NAME = "Mairie de Betacourt";
  public static final String GAMMA_NAME = "Mairie de Gammeville";

  private static final double[][] CRITERIA = {
    {90, 80, 50, 75, 60, 70, 65, 72},
    {60, 70, 80, 70, 70, 70, 70, 70},
    {60, 60, 80, 65, 80, 70, 75, 68}
  };
  private static final String[] IDS = {ALPHA, BETA, GAMMA};
  private static final String[] NAMES = {ALPHA_NAME, BETA_NAME, GAMMA_NAME};
  private static final String[] PLANS = {"PERSONALIZED", "PERSONALIZED", "STANDARD"};
  private static final double[] OVERALL = {74.5, 68.0, 61.5};
  private static final String[] COMMUNES = {"35238", "22278", "44109"};
  private static final String[] REGIONS = {"53", "53", "52"};
  private static final String[] DEPARTMENTS = {"35", "22", "44"};

  private ReportsFixture() {}

  /** Every table the report step reads, by warehouse name. */
  public static Map<String, Dataset<Row>> tables() {
    Map<String, Dataset<Row>> t = new LinkedHashMap<>();
    t.put(
        Tables.ELIGIBILITY,
        df(
            "edition INT, structure_id STRING, category STRING, subtype STRING, plan STRING,"
                + " insee_code STRING, region_code STRING, department_code STRING, eligible"
                + " BOOLEAN, reason STRING, stratum STRING, peer_group STRING",
            perStructure(
                i ->
                    row(
                        EDITION,
                        IDS[i],
                        "ADMINISTRATION",
                        "MAIRIE",
                        PLANS[i],
                        COMMUNES[i],
                        REGIONS[i],
                        DEPARTMENTS[i],
                        true,
                        null,
                        "S2",
                        "S2"))));
    t.put(
        Tables.COMMUNES,
        df(
            "edition INT, insee_code STRING, name STRING, department_code STRING, department_name"
                + " STRING, region_code STRING, region_name STRING, population BIGINT",
            List.of(
                row(
                    EDITION,
                    "35238",
                    "Rennes",
                    "35",
                    "Ille-et-Vilaine",
                    "53",
                    "Bretagne",
                    220_000L),
                row(EDITION, "35047", "Bruz", "35", "Ille-et-Vilaine", "53", "Bretagne", 18_000L),
                row(
                    EDITION,
                    "22278",
                    "Saint-Brieuc",
                    "22",
                    "Côtes-d'Armor",
                    "53",
                    "Bretagne",
                    44_000L),
                row(
                    EDITION,
                    "44109",
                    "Nantes",
                    "44",
                    "Loire-Atlantique",
                    "52",
                    "Pays de la Loire",
                    320_000L))));
    t.put(
        Tables.STRUCTURES,
        df(
            "edition INT, structure_id STRING, name STRING, category STRING, subtype STRING, "
                + "application_status STRING",
            perStructure(
                i -> row(EDITION, IDS[i], NAMES[i], "ADMINISTRATION", "MAIRIE", "ACCEPTED"))));
    t.put(
        Tables.SITES,
        df(
            "edition INT, site_id STRING, structure_id STRING, name STRING, is_main BOOLEAN",
            List.of(
                row(EDITION, "SITE-ALPHA-1", ALPHA, "Hôtel de ville d'Alphaville", true),
                row(EDITION, "SITE-ALPHA-2", ALPHA, "Mairie annexe d'Alphaville", false),
                row(EDITION, "SITE-BETA-1", BETA, "Hôtel de ville de Betacourt", true),
                row(EDITION, "SITE-GAMMA-1", GAMMA, "Hôtel de ville de Gammeville", true))));
    t.put(
        Tables.STRUCTURE_SCORES,
        df(
            "edition INT, structure_id STRING, category STRING, plan STRING, peer_group STRING,"
                + " barometer_score DOUBLE, global_score DOUBLE, all_sites_score DOUBLE, compliance"
                + " DOUBLE, complete BOOLEAN, n_audits BIGINT, n_sites BIGINT",
            perStructure(
                i ->
                    row(
                        EDITION,
                        IDS[i],
                        "ADMINISTRATION",
                        PLANS[i],
                        "S2",
                        OVERALL[i],
                        OVERALL[i] + 1,
                        OVERALL[i] - 1,
                        60.0 + i,
                        i != 1,
                        20L,
                        i == 0 ? 2L : 1L))));
    t.put(
        Tables.SITE_SCORES,
        df(
            "edition INT, structure_id STRING, site_id STRING, is_main BOOLEAN, "
                + "global_score DOUBLE, remote_score DOUBLE, compliance DOUBLE, n_audits BIGINT",
            List.of(
                row(EDITION, ALPHA, "SITE-ALPHA-1", true, 75.5, 74.5, 61.0, 14L),
                row(EDITION, ALPHA, "SITE-ALPHA-2", false, 70.0, 70.0, 55.0, 6L),
                row(EDITION, BETA, "SITE-BETA-1", true, 69.0, 68.0, 61.0, 20L),
                row(EDITION, GAMMA, "SITE-GAMMA-1", true, 62.5, 61.5, 62.0, 20L))));
    t.put(
        Tables.SITE_CHANNEL_SCORES,
        df(
            "edition INT, structure_id STRING, site_id STRING, channel STRING, "
                + "score DOUBLE, compliance DOUBLE, n_audits BIGINT",
            mainSiteRows(
                    (i, site) ->
                        List.of(
                            row(EDITION, IDS[i], site, "EMAIL", 70.0 + i, 50.0, 5L),
                            row(EDITION, IDS[i], site, "PHONE", 80.0 - i, 60.0, 5L)))
                .appendAll(List.of(row(EDITION, ALPHA, "SITE-ALPHA-1", "VISIT", 88.0, 75.0, 2L)))
                .rows));
    t.put(
        Tables.SITE_STEP_SCORES,
        df(
            "edition INT, structure_id STRING, site_id STRING, step STRING, "
                + "score DOUBLE, compliance DOUBLE",
            mainSiteRows(
                    (i, site) ->
                        List.of(
                            row(EDITION, IDS[i], site, "ACCES", 60.0 + 5 * i, 50.0),
                            row(EDITION, IDS[i], site, "TRAITEMENT", 70.0, 55.0)))
                .rows));
    t.put(
        Tables.SITE_CRITERION_SCORES,
        df(
            "edition INT, structure_id STRING, site_id STRING, channel STRING, "
                + "criterion STRING, score DOUBLE, compliance DOUBLE",
            mainSiteRows(
                    (i, site) -> {
                      List<Row> rows = new ArrayList<>();
                      for (int c = 0; c < 8; c++) {
                        rows.add(
                            row(EDITION, IDS[i], site, "ALL", criterion(c), CRITERIA[i][c], 50.0));
                      }
                      return rows;
                    })
                .rows));
    t.put(
        Tables.SITE_ITEM_SCORES,
        df(
            "edition INT, structure_id STRING, site_id STRING, channel STRING, item_id STRING,"
                + " criterion STRING, step STRING, score DOUBLE, compliance DOUBLE, n_audits"
                + " BIGINT",
            mainSiteRows(
                    (i, site) ->
                        List.of(
                            row(
                                EDITION,
                                IDS[i],
                                site,
                                "EMAIL",
                                "EM01",
                                "C01",
                                "ACCES",
                                CRITERIA[i][0],
                                50.0,
                                5L),
                            row(
                                EDITION,
                                IDS[i],
                                site,
                                "PHONE",
                                "PH01",
                                "C03",
                                "ACCUEIL",
                                CRITERIA[i][2],
                                50.0,
                                5L)))
                .rows));
    List<Row> criteria = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      criteria.add(row(EDITION, criterion(c), "Critère " + (c + 1)));
    }
    t.put(Tables.REFERENTIAL_CRITERIA, df("edition INT, criterion STRING, label STRING", criteria));
    t.put(
        Tables.REFERENTIAL_ITEMS,
        df(
            "edition INT, item_id STRING, label STRING",
            List.of(
                row(EDITION, "EM01", "Adresse électronique facile à trouver"),
                row(EDITION, "PH01", "Appel décroché"))));
    t.put(
        Tables.SCENARIOS,
        df(
            "edition INT, scenario_id STRING, label STRING",
            List.of(row(EDITION, "SC01", "Demande d'acte d'état civil"))));
    t.put(
        Tables.AUDITS,
        df(
            "edition INT, audit_id STRING, structure_id STRING, site_id STRING, channel STRING, "
                + "scenario_id STRING, contacted_at TIMESTAMP, comment STRING",
            List.of(
                row(
                    EDITION,
                    "A1",
                    ALPHA,
                    "SITE-ALPHA-1",
                    "PHONE",
                    "SC01",
                    Timestamp.valueOf("2017-03-02 10:15:00"),
                    "Agent très aimable, réponse précise."),
                row(
                    EDITION,
                    "A2",
                    ALPHA,
                    "SITE-ALPHA-2",
                    "EMAIL",
                    "SC01",
                    Timestamp.valueOf("2017-03-03 09:00:00"),
                    " "),
                row(
                    EDITION,
                    "B1",
                    BETA,
                    "SITE-BETA-1",
                    "PHONE",
                    "SC01",
                    Timestamp.valueOf("2017-03-02 11:00:00"),
                    "Attente longue à Betacourt."))));
    t.put(Tables.POSITIONING, Positioning.positioning(measures()));
    t.put(
        Tables.SURVEY_STRUCTURE_RESULTS,
        df(
            "edition INT, structure_id STRING, responses BIGINT, status STRING, rate_q_access"
                + " DOUBLE, rate_q_reception DOUBLE, rate_q_information DOUBLE, rate_q_delay"
                + " DOUBLE, rate_q_courtesy DOUBLE, rate_q_overall DOUBLE, satisfaction_overall"
                + " DOUBLE, nps DOUBLE",
            List.of(
                row(
                    EDITION,
                    ALPHA,
                    2L,
                    "INSUFFICIENT",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                row(
                    EDITION,
                    BETA,
                    40L,
                    "PUBLISHED",
                    80.0,
                    85.0,
                    70.0,
                    60.0,
                    90.0,
                    75.0,
                    75.0,
                    12.5))));
    t.put(
        Tables.SURVEY_TERRITORY_RESULTS,
        df(
            "edition INT, insee_code STRING, category STRING, department_code STRING, region_code"
                + " STRING, responses BIGINT, status STRING, satisfaction_overall DOUBLE,"
                + " department_responses BIGINT, department_structures BIGINT,"
                + " department_satisfaction_overall DOUBLE, region_responses BIGINT,"
                + " region_structures BIGINT, region_satisfaction_overall DOUBLE",
            List.of(
                row(
                    EDITION,
                    "35238",
                    "ADMINISTRATION",
                    "35",
                    "53",
                    2L,
                    "INSUFFICIENT",
                    null,
                    20L,
                    2L,
                    null,
                    60L,
                    3L,
                    70.0),
                row(
                    EDITION,
                    "35047",
                    "ADMINISTRATION",
                    "35",
                    "53",
                    18L,
                    "INSUFFICIENT",
                    null,
                    20L,
                    2L,
                    null,
                    60L,
                    3L,
                    70.0),
                row(
                    EDITION,
                    "22278",
                    "ADMINISTRATION",
                    "22",
                    "53",
                    40L,
                    "PUBLISHED",
                    75.0,
                    40L,
                    1L,
                    75.0,
                    60L,
                    3L,
                    70.0),
                row(
                    EDITION,
                    "22278",
                    "POSTAL",
                    "22",
                    "53",
                    35L,
                    "PUBLISHED",
                    90.0,
                    35L,
                    1L,
                    90.0,
                    35L,
                    1L,
                    90.0),
                row(
                    EDITION,
                    "44109",
                    "ADMINISTRATION",
                    "44",
                    "52",
                    32L,
                    "PUBLISHED",
                    62.5,
                    32L,
                    1L,
                    62.5,
                    32L,
                    1L,
                    62.5))));
    t.put(
        Tables.BAROMETER_NATIONAL,
        df(
            "edition INT, scope STRING, scope_value STRING, measure STRING, n_structures BIGINT,"
                + " suppressed BOOLEAN, mean DOUBLE, p25 DOUBLE, median DOUBLE, p75 DOUBLE,"
                + " compliance DOUBLE",
            List.of(
                cell("NATIONAL", "FRANCE", "OVERALL", 3, false),
                cell("NATIONAL", "FRANCE", "CHANNEL:EMAIL", 3, false),
                cell("NATIONAL", "FRANCE", "CHANNEL:PHONE", 3, false),
                cell("NATIONAL", "FRANCE", "STEP:ACCES", 3, false),
                cell("NATIONAL", "FRANCE", "STEP:TRAITEMENT", 3, false),
                cell("NATIONAL", "FRANCE", "CRITERION:C01", 3, false),
                cell("STRATUM", "S2", "OVERALL", 3, false),
                cell("STRATUM", "S2", "CHANNEL:EMAIL", 3, false),
                cell("STRATUM", "S2", "CHANNEL:PHONE", 3, false),
                cell("STRATUM", "S1", "OVERALL", 1, true),
                criterionCell(0),
                criterionCell(1),
                criterionCell(2),
                criterionCell(3),
                criterionCell(4),
                criterionCell(5),
                criterionCell(6),
                criterionCell(7),
                cell("CATEGORY", "ADMINISTRATION", "OVERALL", 3, false),
                row(EDITION, "REGION", "53", "OVERALL", 6L, false, 71.4, 66.5, 70.8, 76.2, 58.5),
                // Values a suppressed cell never has in the table: the documents must hide a
                // suppressed
                // cell by its flag, whatever it holds.
                row(
                    EDITION, "REGION", "52", "OVERALL", 2L, true, 43.21, 43.22, 43.23, 43.24,
                    43.25))));
    t.put(
        Tables.SURVEY_NATIONAL,
        df(
            "edition INT, scope STRING, scope_value STRING, n_structures BIGINT, responses BIGINT,"
                + " suppressed BOOLEAN, rate_q_access DOUBLE, rate_q_reception DOUBLE,"
                + " rate_q_information DOUBLE, rate_q_delay DOUBLE, rate_q_courtesy DOUBLE,"
                + " rate_q_overall DOUBLE, satisfaction_overall DOUBLE, nps DOUBLE",
            List.of(
                row(
                    EDITION,
                    "NATIONAL",
                    "FRANCE",
                    2L,
                    42L,
                    false,
                    79.0,
                    84.0,
                    69.0,
                    61.0,
                    88.0,
                    74.0,
                    74.0,
                    10.0),
                row(
                    EDITION, "STRATUM", "S1", 1L, 2L, true, null, null, null, null, null, null,
                    null, null),
                row(
                    EDITION,
                    "CATEGORY",
                    "ADMINISTRATION",
                    2L,
                    42L,
                    false,
                    79.0,
                    84.0,
                    69.0,
                    61.0,
                    88.0,
                    74.0,
                    74.0,
                    10.0),
                row(
                    EDITION, "REGION", "53", 6L, 150L, false, 78.0, 81.0, 66.0, 59.0, 85.0, 70.0,
                    70.0, 8.0))));
    t.put(
        Tables.PERCEIVED_VS_PRODUCED_NATIONAL,
        df(
            "edition INT, n_structures BIGINT, pearson DOUBLE, " + "spearman DOUBLE",
            List.of(row(EDITION, 3L, 0.4567, 0.5))));
    return t;
  }

  /** The report inputs, in memory. */
  public static Reports.Inputs inputs() {
    return inputs(tables());
  }

  public static Reports.Inputs inputs(Map<String, Dataset<Row>> t) {
    return new Reports.Inputs(
        t.get(Tables.ELIGIBILITY),
        t.get(Tables.STRUCTURES),
        t.get(Tables.SITES),
        t.get(Tables.STRUCTURE_SCORES),
        t.get(Tables.SITE_SCORES),
        t.get(Tables.SITE_CHANNEL_SCORES),
        t.get(Tables.SITE_STEP_SCORES),
        t.get(Tables.SITE_CRITERION_SCORES),
        t.get(Tables.SITE_ITEM_SCORES),
        t.get(Tables.REFERENTIAL_CRITERIA),
        t.get(Tables.REFERENTIAL_ITEMS),
        t.get(Tables.SCENARIOS),
        t.get(Tables.AUDITS),
        positions(t),
        t.get(Tables.SURVEY_STRUCTURE_RESULTS),
        t.get(Tables.SURVEY_TERRITORY_RESULTS),
        t.get(Tables.SURVEY_NATIONAL),
        t.get(Tables.COMMUNES),
        K);
  }

  /** The positions the structures may see, by the real disclosure rule at k = {@link #K}. */
  public static Dataset<Row> positions(Map<String, Dataset<Row>> t) {
    return Disclosure.positions(
        t.get(Tables.POSITIONING),
        Eligibility.participating(t.get(Tables.ELIGIBILITY)),
        t.get(Tables.BAROMETER_NATIONAL),
        K);
  }

  /** The standard results, as the report step makes them. */
  public static Dataset<Row> standard(Map<String, Dataset<Row>> t) {
    return Reports.standard(
        t.get(Tables.STRUCTURES),
        t.get(Tables.STRUCTURE_SCORES),
        positions(t),
        t.get(Tables.ELIGIBILITY),
        t.get(Tables.COMMUNES));
  }

  /** The main sites' figures, as Measures.ofMainSites would give them (without the counts). */
  private static Dataset<Row> measures() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(measure(i, "OVERALL", OVERALL[i]));
      rows.add(measure(i, "CHANNEL:EMAIL", 70.0 + i));
      rows.add(measure(i, "CHANNEL:PHONE", 80.0 - i));
      rows.add(measure(i, "STEP:ACCES", 60.0 + 5 * i));
      rows.add(measure(i, "STEP:TRAITEMENT", 70.0));
      for (int c = 0; c < 8; c++) {
        rows.add(measure(i, "CRITERION:" + criterion(c), CRITERIA[i][c]));
      }
    }
    rows.add(measure(0, "CHANNEL:VISIT", 88.0));
    return df(
        "edition INT, structure_id STRING, peer_group STRING, measure STRING, value DOUBLE, "
            + "region_code STRING, department_code STRING",
        rows);
  }

  private static Row measure(int i, String measure, double value) {
    return row(EDITION, IDS[i], "S2", measure, value, REGIONS[i], DEPARTMENTS[i]);
  }

  /** The S2 cell of a criterion: its mean is 70, as the table of the class comment says. */
  private static Row criterionCell(int c) {
    return row(
        EDITION,
        "STRATUM",
        "S2",
        "CRITERION:" + criterion(c),
        3L,
        false,
        70.0,
        60.0,
        70.0,
        80.0,
        50.0);
  }

  private static Row cell(String scope, String value, String measure, long n, boolean suppressed) {
    return suppressed
        ? row(EDITION, scope, value, measure, n, true, null, null, null, null, null)
        : row(EDITION, scope, value, measure, n, false, 68.0, 61.5, 68.0, 74.5, 61.0);
  }

  static String criterion(int c) {
    return String.format("C%02d", c + 1);
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  private static List<Row> perStructure(java.util.function.IntFunction<Row> row) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(row.apply(i));
    }
    return rows;
  }

  private static Rows mainSiteRows(
      java.util.function.BiFunction<Integer, String, List<Row>> rowsOf) {
    String[] mainSites = {"SITE-ALPHA-1", "SITE-BETA-1", "SITE-GAMMA-1"};
    Rows rows = new Rows();
    for (int i = 0; i < 3; i++) {
      rows.rows.addAll(rowsOf.apply(i, mainSites[i]));
    }
    return rows;
  }

  private static final class Rows {
    final List<Row> rows = new ArrayList<>();

    Rows appendAll(List<Row> more) {
      rows.addAll(more);
      return this;
    }
  }

  private static Dataset<Row> df(String ddl, List<Row> rows) {
    SparkSession spark = SparkTestSession.get();
    return spark.createDataFrame(rows, StructType.fromDDL(ddl));
  }
}
