package fr.barometer.common.io;

/** Names of the warehouse's Delta tables: each lives in {@code <warehouse>/<name>}. */
public final class Tables {
  private Tables() {}

  public static final String COMMUNES = "communes";
  public static final String EPCI = "epci";
  public static final String STRUCTURES = "structures";
  public static final String SITES = "sites";
  public static final String ORDERS = "orders";
  public static final String REFERENTIAL_ITEMS = "referential_items";
  public static final String REFERENTIAL_CRITERIA = "referential_criteria";
  public static final String SCENARIOS = "scenarios";
  public static final String AUDITS = "audits";
  public static final String AUDIT_ANSWERS = "audit_answers";
  public static final String SURVEY_RESPONSES = "survey_responses";

  /** The edition.json the edition was ingested with, as JSON text: later steps read it. */
  public static final String EDITION_SETTINGS = "edition_settings";

  public static final String QUARANTINE = "quarantine";

  /**
   * Every row read from the audit files, good or refused, before the duplicate rules: see
   * IngestedFiles.
   */
  public static final String STAGED_AUDITS = "staged_audits";

  /** Every row read from the survey files, good or refused, before the duplicate rules. */
  public static final String STAGED_SURVEY = "staged_survey";

  /** The landing files whose rows are in the staging tables, with size and checksum. */
  public static final String INGESTED_FILES = "ingested_files";

  public static final String RUN_LOG = "run_log";

  /** Each run's Delta version of every table after it: what history shows and rollback restores. */
  public static final String RUN_TABLES = "run_tables";

  /** The tables that record runs: they only grow, and a rollback never restores them. */
  /** What each completed run's tables were computed from (a fingerprint of its inputs). */
  public static final String RUN_INPUTS = "run_inputs";

  public static final java.util.Set<String> RUN_RECORDS =
      java.util.Set.of(RUN_LOG, RUN_TABLES, RUN_INPUTS);

  public static final String ELIGIBILITY = "eligibility";
  public static final String ANSWER_POINTS = "answer_points";
  public static final String SITE_ITEM_SCORES = "site_item_scores";
  public static final String SITE_CRITERION_SCORES = "site_criterion_scores";
  public static final String SITE_CHANNEL_SCORES = "site_channel_scores";
  public static final String SITE_STEP_SCORES = "site_step_scores";
  public static final String SITE_SCORES = "site_scores";
  public static final String COMPLETENESS = "completeness";
  public static final String STRUCTURE_SCORES = "structure_scores";

  /**
   * 95% bootstrap intervals of each structure's scores, with its barometer score's rank interval in
   * its peer group.
   */
  public static final String SCORE_INTERVALS = "score_intervals";

  /** 95% bootstrap intervals of the national barometer's cell means (published with the cells). */
  public static final String CELL_INTERVALS = "cell_intervals";

  public static final String POSITIONING = "positioning";
  public static final String BAROMETER_NATIONAL = "barometer_national";
  public static final String TROPHIES = "trophies";
  public static final String INVOICES = "invoices";

  /** Each structure's change since its previous edition, per measure. */
  public static final String EVOLUTION = "evolution";

  /** The national barometer's cells edition after edition, with their change. */
  public static final String BAROMETER_SERIES = "barometer_series";

  public static final String SURVEY_STRUCTURE_RESULTS = "survey_structure_results";
  public static final String SURVEY_TERRITORY_RESULTS = "survey_territory_results";
  public static final String SURVEY_NATIONAL = "survey_national";
  public static final String PERCEIVED_VS_PRODUCED = "perceived_vs_produced";
  public static final String PERCEIVED_VS_PRODUCED_NATIONAL = "perceived_vs_produced_national";
  public static final String PARTICIPATION = "participation";

  /** Every scored structure's standard results: one row per structure. */
  public static final String REPORT_STANDARD = "report_standard";

  /** Every PERSONALIZED structure's whole report in nested columns: one row per structure. */
  public static final String REPORT_PERSONALIZED = "report_personalized";
}
