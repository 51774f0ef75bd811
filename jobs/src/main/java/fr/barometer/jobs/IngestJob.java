package fr.barometer.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Plan;
import fr.barometer.common.ingest.AuditContext;
import fr.barometer.common.ingest.AuditInput;
import fr.barometer.common.ingest.CsvStaging;
import fr.barometer.common.ingest.Quarantine;
import fr.barometer.common.ingest.RegistryInputs;
import fr.barometer.common.ingest.Staging;
import fr.barometer.common.ingest.SurveyInput;
import fr.barometer.common.ingest.TextFile;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.Landing;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.transform.Dedup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Loads one edition's landing folder into the warehouse's Delta tables. Every row read ends in a
 * clean table, in quarantine with its reason, or collapsed as a duplicate; the run log says how
 * many of each. Each table's edition partition is replaced in one commit, so a re-run gives the
 * same tables and a killed run leaves the previous ones readable.
 */
public final class IngestJob {
  private final SparkSession spark;
  private final Landing landing;
  private final Warehouse warehouse;
  private final RunInfo run;
  private final EditionConfig config;
  private final Referential grid;
  private final List<Dataset<Row>> refused = new ArrayList<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();

  public IngestJob(SparkSession spark, Landing landing, Warehouse warehouse, RunInfo run) {
    this.spark = spark;
    this.landing = landing;
    this.warehouse = warehouse;
    this.run = run;
    this.config = landing.edition();
    this.grid = landing.referential();
  }

  public EditionConfig config() {
    return config;
  }

  /** Loads everything, writes the tables, and returns the counts per input (also in run_log). */
  public List<InputCounts> run() {
    int edition = config.edition();
    spark.sparkContext().setJobDescription("ingest " + edition);
    writeSettings(edition);

    Dataset<Row> communes = stageRegistry(Landing.COMMUNES, landing.reference(Landing.COMMUNES),
        RegistryInputs.COMMUNES_LAYOUT, RegistryInputs.COMMUNES, RegistryInputs.communes(), "insee_code");
    Dataset<Row> epci = stageRegistry(Landing.EPCI, landing.reference(Landing.EPCI),
        RegistryInputs.EPCI_LAYOUT, RegistryInputs.EPCI, RegistryInputs.epci(), "siren");
    Set<String> communeCodes = keptKeys(communes, "insee_code");
    Set<String> epciCodes = keptKeys(epci, "siren");

    Dataset<Row> structures = stageRegistry(Landing.STRUCTURES, landing.registry(Landing.STRUCTURES),
        RegistryInputs.STRUCTURES_LAYOUT, RegistryInputs.STRUCTURES,
        RegistryInputs.structures(communeCodes, epciCodes), "structure_id");
    Set<String> structureIds = keptKeys(structures, "structure_id");
    Dataset<Row> sites = RegistryInputs.oneMainSite(stageRegistry(Landing.SITES, landing.registry(Landing.SITES),
        RegistryInputs.SITES_LAYOUT, RegistryInputs.SITES, RegistryInputs.sites(structureIds), "site_id"));
    sites = keep(sites);
    Dataset<Row> orders = stageRegistry(Landing.ORDERS, landing.registry(Landing.ORDERS),
        RegistryInputs.ORDERS_LAYOUT, RegistryInputs.ORDERS, RegistryInputs.orders(structureIds), "structure_id");

    Dataset<Row> audits = stageAudits(auditContext(structures, sites));
    Dataset<Row> answers = stageAnswers(audits);
    Dataset<Row> survey = stageSurvey(edition);

    write(Tables.COMMUNES, communes, RegistryInputs.COMMUNES, edition);
    write(Tables.EPCI, epci, RegistryInputs.EPCI, edition);
    write(Tables.STRUCTURES, structures, RegistryInputs.STRUCTURES, edition);
    write(Tables.SITES, sites, RegistryInputs.SITES, edition);
    write(Tables.ORDERS, orders, RegistryInputs.ORDERS, edition);
    write(Tables.AUDITS, audits, AuditInput.STAGING, edition);
    warehouse.replaceEdition(Tables.AUDIT_ANSWERS, edition,
        answers.where(col("reason").isNull()).select(col("edition"), col("audit_id"), col("item_id"), col("value")));
    write(Tables.SURVEY_RESPONSES, survey, SurveyInput.STAGING, edition);
    writeGrid(edition);
    warehouse.replaceEdition(Tables.QUARANTINE, edition,
        refused.stream().reduce(Dataset::unionByName).orElseThrow());

    List<InputCounts> counts = new ArrayList<>();
    counts.add(counts(Tables.COMMUNES, communes, Tables.COMMUNES, edition));
    counts.add(counts(Tables.EPCI, epci, Tables.EPCI, edition));
    counts.add(counts(Tables.STRUCTURES, structures, Tables.STRUCTURES, edition));
    counts.add(counts(Tables.SITES, sites, Tables.SITES, edition));
    counts.add(counts(Tables.ORDERS, orders, Tables.ORDERS, edition));
    counts.add(counts(Tables.AUDITS, audits, Tables.AUDITS, edition));
    counts.add(answerCounts(answers, edition));
    counts.add(counts(Tables.SURVEY_RESPONSES, survey, Tables.SURVEY_RESPONSES, edition));
    RunLog.append(spark, warehouse, run, edition, "ingest", counts);
    cached.forEach(Dataset::unpersist);
    return counts;
  }

  private Dataset<Row> stageRegistry(String input, TextFile file, CsvStaging.Layout layout, Staging staging,
      CsvStaging.Converter converter, String key) {
    List<Row> rows = file == null ? List.of()
        : CsvStaging.stage(relative(file), layout, staging, config.edition(), converter);
    // From an RDD, not a local list: a list would be embedded in every plan and task built on it.
    int slices = Math.max(1, Math.min(spark.sparkContext().defaultParallelism(), rows.size() / 5_000 + 1));
    JavaRDD<Row> distributed = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices);
    Dataset<Row> resolved = Dedup.resolve(spark.createDataFrame(distributed, staging.schema()), List.of(key));
    return keep(resolved);
  }

  private Dataset<Row> stageAudits(AuditContext context) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<AuditContext> shared = jsc.broadcast(context);
    String root = landing.root();
    List<String> files = landing.audits();
    JavaRDD<Row> rows = jsc.binaryFiles(String.join(",", files), files.size())
        .flatMap(f -> AuditInput.stage(TextFile.decode(relative(root, f._1()), f._2().toArray()), shared.value())
            .iterator());
    Dataset<Row> staged = spark.createDataFrame(rows, AuditInput.STAGING.schema());
    return keep(Dedup.resolve(staged, List.of("audit_id"), col("recorded_at"), Dedup.Winner.LATEST));
  }

  /** The answers of the audits that stand, one row each, good or refused. */
  private Dataset<Row> stageAnswers(Dataset<Row> audits) {
    Dataset<Row> answers = audits.where(col(Dedup.FATE).equalTo(Dedup.KEPT))
        .select(col("edition"), col("audit_id"), col(Staging.SOURCE_FILE), col(Staging.SOURCE_LINE),
            posexplode(col(AuditInput.ANSWERS)).as(new String[] {"pos", "answer"}))
        .select(col("edition"), col("audit_id"), col(Staging.SOURCE_FILE), col(Staging.SOURCE_LINE),
            col("answer.item_id").as("item_id"), col("answer.value").as("value"),
            col("answer.record").as("record"), col("answer.reason").as("reason"), col("answer.detail").as("detail"));
    answers = keep(answers);
    refused.add(answers.where(col("reason").isNotNull()).select(
        col("edition"), lit(Tables.AUDIT_ANSWERS).as("source"), col(Staging.SOURCE_FILE), col(Staging.SOURCE_LINE),
        col("record"), col("reason"), col("detail"), lit(run.runId()).as("run_id"),
        lit(run.startedAt()).as("quarantined_at")));
    return answers;
  }

  private Dataset<Row> stageSurvey(int edition) {
    List<String> files = landing.surveys();
    if (files.isEmpty()) {
      return keep(Dedup.resolve(spark.createDataFrame(List.of(), SurveyInput.STAGING.schema()),
          List.of("response_id")));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String root = landing.root();
    JavaRDD<Row> rows = jsc.binaryFiles(String.join(",", files), files.size())
        .flatMap(f -> SurveyInput.stage(TextFile.decode(relative(root, f._1()), f._2().toArray()), edition)
            .iterator());
    Dataset<Row> staged = spark.createDataFrame(rows, SurveyInput.STAGING.schema());
    return keep(Dedup.resolve(staged, List.of("response_id"), col("submitted_at"), Dedup.Winner.EARLIEST));
  }

  private AuditContext auditContext(Dataset<Row> structures, Dataset<Row> sites) {
    Map<String, AuditContext.StructureRef> structureRefs = new HashMap<>();
    for (Row r : structures.where(col(Dedup.FATE).equalTo(Dedup.KEPT))
        .select("structure_id", "category", "application_status", "plan").collectAsList()) {
      structureRefs.put(r.getString(0), new AuditContext.StructureRef(r.getString(1),
          ApplicationStatus.valueOf(r.getString(2)), Plan.valueOf(r.getString(3))));
    }
    Map<String, AuditContext.SiteRef> siteRefs = new HashMap<>();
    for (Row r : sites.where(col(Dedup.FATE).equalTo(Dedup.KEPT))
        .select("site_id", "structure_id", "is_main", "mystery_visit").collectAsList()) {
      siteRefs.put(r.getString(0), new AuditContext.SiteRef(r.getString(1), r.getBoolean(2), r.getBoolean(3)));
    }
    return new AuditContext(config, grid, structureRefs, siteRefs);
  }

  private void write(String table, Dataset<Row> resolved, Staging staging, int edition) {
    warehouse.replaceEdition(table, edition, Quarantine.kept(resolved, staging));
    String key = staging.cleanSchema().fieldNames()[1];
    refused.add(Quarantine.refused(resolved, table, key, run));
  }

  private void writeSettings(int edition) {
    String json = landing.editionSettings().text();
    warehouse.replaceEdition(Tables.EDITION_SETTINGS, edition,
        spark.createDataFrame(List.of(RowFactory.create(edition, json)), Schemas.EDITION_SETTINGS));
  }

  private void writeGrid(int edition) {
    warehouse.replaceEdition(Tables.REFERENTIAL_CRITERIA, edition, spark.createDataFrame(
        grid.criteria().stream().map(c -> RowFactory.create(edition, c.id(), c.label())).toList(),
        Schemas.REFERENTIAL_CRITERIA));
    warehouse.replaceEdition(Tables.REFERENTIAL_ITEMS, edition, spark.createDataFrame(
        grid.items().stream().map(i -> itemRow(edition, i)).toList(), Schemas.REFERENTIAL_ITEMS));
    warehouse.replaceEdition(Tables.SCENARIOS, edition, spark.createDataFrame(
        grid.scenarios().stream().map(s -> RowFactory.create(edition, s.id(), s.label(), s.scope())).toList(),
        Schemas.SCENARIOS));
  }

  private static Row itemRow(int edition, GridItem i) {
    return RowFactory.create(edition, i.id(), i.channel().name(), i.criterion(), i.step().name(), i.label(),
        i.type().name(), i.unit() == null ? null : i.unit().name(), i.fullAt(), i.zeroAfter(), i.weight());
  }

  /**
   * Counts what became of each row read. Kept and quarantined rows are counted in the written
   * tables, not in the staging data, so the reconciliation checks what was really stored.
   */
  private InputCounts counts(String input, Dataset<Row> resolved, String table, int edition) {
    Column kept = col(Dedup.FATE).equalTo(Dedup.KEPT);
    Column ineligibleRow = input.equals(Tables.SURVEY_RESPONSES) ? kept.and(col("eligible").unary_$bang()) : lit(false);
    Row staged = resolved.agg(count(lit(1)), sum(when(col(Dedup.FATE).equalTo(Dedup.COLLAPSED), 1).otherwise(0)),
        sum(when(ineligibleRow, 1).otherwise(0))).first();
    long read = staged.getLong(0);
    long collapsed = staged.isNullAt(1) ? 0 : staged.getLong(1);
    long ineligible = staged.isNullAt(2) ? 0 : staged.getLong(2);
    long stored = warehouse.read(table, edition).count();
    return new InputCounts(input, read, stored - ineligible, quarantined(input, edition), collapsed, ineligible);
  }

  private InputCounts answerCounts(Dataset<Row> answers, int edition) {
    long read = answers.count();
    long stored = warehouse.read(Tables.AUDIT_ANSWERS, edition).count();
    return new InputCounts(Tables.AUDIT_ANSWERS, read, stored, quarantined(Tables.AUDIT_ANSWERS, edition), 0, 0);
  }

  private long quarantined(String source, int edition) {
    return warehouse.read(Tables.QUARANTINE, edition).where(col("source").equalTo(source)).count();
  }

  private Set<String> keptKeys(Dataset<Row> resolved, String key) {
    Set<String> keys = new HashSet<>();
    resolved.where(col(Dedup.FATE).equalTo(Dedup.KEPT)).select(key).collectAsList()
        .forEach(r -> keys.add(r.getString(0)));
    return keys;
  }

  private Dataset<Row> keep(Dataset<Row> ds) {
    Dataset<Row> persisted = ds.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  private TextFile relative(TextFile file) {
    return new TextFile(relative(landing.root(), file.name()), file.text(), file.validUtf8());
  }

  /** A landing file's name as users know it: relative to the landing folder. */
  static String relative(String root, String path) {
    String prefix = root.endsWith("/") ? root : root + "/";
    if (path.startsWith(prefix)) {
      return path.substring(prefix.length());
    }
    String bare = prefix.replaceFirst("^file:", "");
    String barePath = path.replaceFirst("^file:", "");
    return barePath.startsWith(bare) ? barePath.substring(bare.length()) : path;
  }

}
