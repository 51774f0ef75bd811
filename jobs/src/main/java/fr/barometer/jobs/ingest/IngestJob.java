package fr.barometer.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Plan;
import fr.barometer.common.ingest.AuditAnswers;
import fr.barometer.common.ingest.AuditContext;
import fr.barometer.common.ingest.AuditInput;
import fr.barometer.common.ingest.CsvStaging;
import fr.barometer.common.ingest.Dedup;
import fr.barometer.common.ingest.IngestPlan;
import fr.barometer.common.ingest.IngestedFiles;
import fr.barometer.common.ingest.Quarantine;
import fr.barometer.common.ingest.RegistryInputs;
import fr.barometer.common.ingest.StagedCounts;
import fr.barometer.common.ingest.Staging;
import fr.barometer.common.ingest.StagingTables;
import fr.barometer.common.ingest.SurveyInput;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.Landing;
import fr.barometer.common.io.LandingFile;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.io.StreamedText;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.TextFile;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.run.RunLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one edition's landing folder into the warehouse's Delta tables. Every row read ends in a
 * clean table, in quarantine with its reason, or collapsed as a duplicate; the run log says how
 * many of each. Each table's edition partition is replaced in one commit, so a re-run gives the
 * same tables and a killed run leaves the previous ones readable.
 *
 * <p>Audit and survey files are parsed only when new or changed since the last run (or all of them
 * with {@code full}, and every audit file when a registry file changed, since an audit is checked
 * against the registry); their staged rows are kept in staging tables, and the duplicate rules and
 * clean tables are computed again over all staged rows of the edition.
 *
 * <p>Commit order, so that a run killed anywhere is repaired by the next one: (1) the staging
 * tables, each in one commit replacing the rows of the parsed and vanished files; (2) the clean
 * tables and quarantine, rebuilt from all staged rows; (3) the run log; (4) {@code ingested_files}
 * last, because it vouches for (1): a kill before (4) leaves it describing the older files, so the
 * next run parses the new ones again and replaces their rows; a kill after (1) never matters for
 * (2) and for the score tables, which every run rebuilds.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  private final SparkSession spark;
  private final Landing landing;
  private final Warehouse warehouse;
  private final RunInfo run;
  private final boolean full;
  private final boolean sameVersion;
  private final EditionConfig config;
  private final Referential grid;
  private final List<Dataset<Row>> refused = new ArrayList<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();
  private final List<IngestPlan> plans = new ArrayList<>();
  private List<String> registryChanges = List.of();

  /** An incremental run: files already ingested unchanged are not parsed again. */
  public IngestJob(SparkSession spark, Landing landing, Warehouse warehouse, RunInfo run) {
    this(spark, landing, warehouse, run, false);
  }

  /**
   * {@code full}: parses every file, whatever {@code ingested_files} says (the edition is rebuilt).
   */
  public IngestJob(
      SparkSession spark, Landing landing, Warehouse warehouse, RunInfo run, boolean full) {
    this(spark, landing, warehouse, run, full, false);
  }

  /**
   * {@code sameVersion}: the edition's last run was computed by this pipeline version, so a table
   * whose landing files did not change since holds what this run would write: it is not written
   * again.
   */
  public IngestJob(
      SparkSession spark,
      Landing landing,
      Warehouse warehouse,
      RunInfo run,
      boolean full,
      boolean sameVersion) {
    this.sameVersion = sameVersion && !full;
    this.spark = spark;
    this.landing = landing;
    this.warehouse = warehouse;
    this.run = run;
    this.full = full;
    this.config = landing.edition();
    this.grid = landing.referential();
  }

  public EditionConfig config() {
    return config;
  }

  /** What the last {@link #run()} did with the audit and survey files (parsed, skipped, gone). */
  public List<IngestPlan> plans() {
    return List.copyOf(plans);
  }

  /**
   * The registry files that changed since the last run (every audit file was checked again), if
   * any.
   */
  public List<String> registryChanges() {
    return registryChanges;
  }

  /** Loads everything, writes the tables, and returns the counts per input (also in run_log). */
  public List<InputCounts> run() {
    int edition = config.edition();
    spark.sparkContext().setJobDescription("ingest " + edition);
    plans.clear();
    // Before any file is read: a file that changes during the run then shows a new checksum next
    // time.
    Map<String, LandingFile> found = landing.fingerprints();
    List<Row> ingested = full ? List.of() : IngestedFiles.read(warehouse, edition);
    boolean registryChanged =
        !sameVersion
            || ingested.isEmpty()
            || !IngestPlan.changedFiles(
                    ofInput(found, LandingFile.REGISTRY),
                    IngestedFiles.files(ingested, LandingFile.REGISTRY))
                .isEmpty();
    if (registryChanged) {
      writeSettings(edition);
    }

    Dataset<Row> communes =
        stageRegistry(
            Landing.COMMUNES,
            landing.reference(Landing.COMMUNES),
            RegistryInputs.COMMUNES_LAYOUT,
            RegistryInputs.COMMUNES,
            RegistryInputs.communes(),
            "insee_code");
    Dataset<Row> epci =
        stageRegistry(
            Landing.EPCI,
            landing.reference(Landing.EPCI),
            RegistryInputs.EPCI_LAYOUT,
            RegistryInputs.EPCI,
            RegistryInputs.epci(),
            "siren");
    Set<String> communeCodes = keptKeys(communes, "insee_code");
    Set<String> epciCodes = keptKeys(epci, "siren");

    Dataset<Row> structures =
        stageRegistry(
            Landing.STRUCTURES,
            landing.registry(Landing.STRUCTURES),
            RegistryInputs.STRUCTURES_LAYOUT,
            RegistryInputs.STRUCTURES,
            RegistryInputs.structures(communeCodes, epciCodes),
            "structure_id");
    Set<String> structureIds = keptKeys(structures, "structure_id");
    Dataset<Row> sites =
        RegistryInputs.oneMainSite(
            stageRegistry(
                Landing.SITES,
                landing.registry(Landing.SITES),
                RegistryInputs.SITES_LAYOUT,
                RegistryInputs.SITES,
                RegistryInputs.sites(structureIds),
                "site_id"));
    sites = keep(sites);
    Dataset<Row> orders =
        stageRegistry(
            Landing.ORDERS,
            landing.registry(Landing.ORDERS),
            RegistryInputs.ORDERS_LAYOUT,
            RegistryInputs.ORDERS,
            RegistryInputs.orders(structureIds),
            "structure_id");

    restage(auditContext(structures, sites), found, ingested, edition);
    Dataset<Row> audits =
        keep(
            Dedup.resolve(
                warehouse.read(Tables.STAGED_AUDITS, edition),
                List.of("audit_id"),
                col("recorded_at"),
                Dedup.Winner.LATEST));
    Dataset<Row> answers = stageAnswers(audits);
    Dataset<Row> survey =
        keep(
            Dedup.resolve(
                warehouse.read(Tables.STAGED_SURVEY, edition),
                List.of("response_id"),
                col("submitted_at"),
                Dedup.Winner.EARLIEST));

    // The largest first: the small tables then fill the cores their last tasks leave.
    Map<String, Dataset<Row>> clean = new LinkedHashMap<>();
    clean.put(
        Tables.AUDIT_ANSWERS,
        answers
            .where(col("reason").isNull())
            .select(col("edition"), col("audit_id"), col("item_id"), col("value")));
    clean.put(Tables.SURVEY_RESPONSES, kept(Tables.SURVEY_RESPONSES, survey, SurveyInput.STAGING));
    clean.put(Tables.AUDITS, kept(Tables.AUDITS, audits, AuditInput.STAGING));
    clean.put(Tables.COMMUNES, kept(Tables.COMMUNES, communes, RegistryInputs.COMMUNES));
    clean.put(Tables.EPCI, kept(Tables.EPCI, epci, RegistryInputs.EPCI));
    clean.put(Tables.STRUCTURES, kept(Tables.STRUCTURES, structures, RegistryInputs.STRUCTURES));
    clean.put(Tables.SITES, kept(Tables.SITES, sites, RegistryInputs.SITES));
    clean.put(Tables.ORDERS, kept(Tables.ORDERS, orders, RegistryInputs.ORDERS));
    clean.putAll(grid(edition));
    clean.put(Tables.QUARANTINE, refused.stream().reduce(Dataset::unionByName).orElseThrow());
    Set<String> unchanged = unchangedTables(registryChanged);
    unchanged.forEach(clean::remove);
    Map<String, Long> stored = new LinkedHashMap<>(warehouse.replaceEditions(edition, clean));
    unchanged.forEach(t -> stored.put(t, warehouse.read(t, edition).count()));
    Map<String, Long> quarantined = quarantinedBySource(edition);

    List<InputCounts> counts = new ArrayList<>();
    counts.add(counts(Tables.COMMUNES, communes, stored, quarantined));
    counts.add(counts(Tables.EPCI, epci, stored, quarantined));
    counts.add(counts(Tables.STRUCTURES, structures, stored, quarantined));
    counts.add(counts(Tables.SITES, sites, stored, quarantined));
    counts.add(counts(Tables.ORDERS, orders, stored, quarantined));
    counts.add(counts(Tables.AUDITS, audits, stored, quarantined));
    counts.add(
        new InputCounts(
            Tables.AUDIT_ANSWERS,
            answers.count(),
            stored.get(Tables.AUDIT_ANSWERS),
            quarantined.getOrDefault(Tables.AUDIT_ANSWERS, 0L),
            0,
            0));
    counts.add(counts(Tables.SURVEY_RESPONSES, survey, stored, quarantined));
    RunLog.append(spark, warehouse, run, edition, "ingest", counts);
    if (unchanged.contains(Tables.QUARANTINE)) {
      // Nothing parsed, nothing gone, the registry as before: ingested_files is as it was.
      cached.forEach(Dataset::unpersist);
      return counts;
    }
    // Last, after the staging tables it vouches for: see the class comment.
    warehouse.replaceEdition(
        Tables.INGESTED_FILES,
        edition,
        spark.createDataFrame(
            IngestedFiles.rows(edition, found.values(), ingested, run), Schemas.INGESTED_FILES));
    cached.forEach(Dataset::unpersist);
    return counts;
  }

  /**
   * The clean tables this run would write as they are: with the last run's pipeline version, the
   * registry's (reference data, registry, settings and grid) when no registry file changed, the
   * audits' when no audit file was parsed or gone either, the survey's likewise, and the quarantine
   * when all of them are unchanged.
   */
  private Set<String> unchangedTables(boolean registryChanged) {
    Set<String> unchanged = new java.util.TreeSet<>();
    if (registryChanged) {
      return unchanged;
    }
    unchanged.addAll(
        List.of(
            Tables.COMMUNES,
            Tables.EPCI,
            Tables.STRUCTURES,
            Tables.SITES,
            Tables.ORDERS,
            Tables.REFERENTIAL_CRITERIA,
            Tables.REFERENTIAL_ITEMS,
            Tables.SCENARIOS));
    boolean audits = unchangedFiles(LandingFile.AUDITS);
    boolean survey = unchangedFiles(LandingFile.SURVEY);
    if (audits) {
      unchanged.addAll(List.of(Tables.AUDITS, Tables.AUDIT_ANSWERS));
    }
    if (survey) {
      unchanged.add(Tables.SURVEY_RESPONSES);
    }
    if (audits && survey) {
      unchanged.add(Tables.QUARANTINE);
    }
    return unchanged;
  }

  private boolean unchangedFiles(String input) {
    return plans.stream().filter(p -> p.input().equals(input)).allMatch(IngestPlan::nothingChanged);
  }

  private Dataset<Row> stageRegistry(
      String input,
      TextFile file,
      CsvStaging.Layout layout,
      Staging staging,
      CsvStaging.Converter converter,
      String key) {
    List<Row> rows = new ArrayList<>();
    if (file != null) {
      CsvStaging.stage(relative(file), layout, staging, config.edition(), converter)
          .forEachRemaining(rows::add);
    }
    // From an RDD, not a local list: a list would be embedded in every plan and task built on it.
    int slices =
        Math.max(1, Math.min(spark.sparkContext().defaultParallelism(), rows.size() / 5_000 + 1));
    JavaRDD<Row> distributed =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices);
    Dataset<Row> resolved =
        Dedup.resolve(spark.createDataFrame(distributed, staging.schema()), List.of(key));
    return keep(resolved);
  }

  /** Every landing file by its full path, fingerprinted: the registry, audit and survey files. */
  /**
   * Parses the new and changed audit and survey files into staged_audits and staged_survey. The two
   * run side by side: each file is one task, and one input's last files would otherwise leave a
   * core idle.
   */
  private void restage(
      AuditContext context, Map<String, LandingFile> found, List<Row> ingested, int edition) {
    List<LandingFile> registry = ofInput(found, LandingFile.REGISTRY);
    List<String> changes =
        IngestPlan.changedFiles(registry, IngestedFiles.files(ingested, LandingFile.REGISTRY));
    boolean restageAll = full || !warehouse.exists(Tables.STAGED_AUDITS) || !changes.isEmpty();
    registryChanges = full || ingested.isEmpty() ? List.of() : changes;
    if (!registryChanges.isEmpty()) {
      LOG.info(
          "registry files changed since the last run ({}): every audit file is checked again",
          registryChanges);
    }
    IngestPlan auditPlan = plan(LandingFile.AUDITS, found, ingested, restageAll);
    IngestPlan surveyPlan =
        plan(LandingFile.SURVEY, found, ingested, full || !warehouse.exists(Tables.STAGED_SURVEY));

    Broadcast<AuditContext> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(context);
    String root = landing.root();
    JavaRDD<Row> auditRows =
        readFiles(paths(found, auditPlan.toParse()))
            .flatMap(
                f ->
                    AuditInput.stage(
                        StreamedText.of(Landing.relative(root, f._1()), f._2()::open),
                        shared.value()));
    JavaRDD<Row> surveyRows =
        readFiles(paths(found, surveyPlan.toParse()))
            .flatMap(
                f ->
                    SurveyInput.stage(
                        StreamedText.of(Landing.relative(root, f._1()), f._2()::open), edition));
    Map<String, Callable<Void>> parses = new LinkedHashMap<>();
    parses.put(
        Tables.STAGED_AUDITS,
        () ->
            restage(
                Tables.STAGED_AUDITS,
                edition,
                auditPlan,
                spark.createDataFrame(auditRows, AuditInput.STAGING.schema())));
    parses.put(
        Tables.STAGED_SURVEY,
        () ->
            restage(
                Tables.STAGED_SURVEY,
                edition,
                surveyPlan,
                spark.createDataFrame(surveyRows, SurveyInput.STAGING.schema())));
    Warehouse.concurrently(parses);
  }

  private Void restage(String table, int edition, IngestPlan plan, Dataset<Row> parsed) {
    StagingTables.restage(warehouse, table, edition, plan, parsed);
    return null;
  }

  /**
   * The answers of the audits that stand, one row each, good or refused. Not cached: each of its
   * three readers (the clean table, the quarantine, the count) explodes them again from the cached
   * audits, which costs less than building a cache of every answer (bench/RESULTS.md).
   */
  private Dataset<Row> stageAnswers(Dataset<Row> audits) {
    Dataset<Row> answers = AuditAnswers.ofKeptAudits(audits);
    refused.add(AuditAnswers.refused(answers, run));
    return answers;
  }

  private IngestPlan plan(
      String input, Map<String, LandingFile> found, List<Row> ingested, boolean restageAll) {
    IngestPlan plan =
        IngestPlan.of(
            input, ofInput(found, input), IngestedFiles.files(ingested, input), restageAll);
    LOG.info(
        "{} files: {} parsed, {} skipped as already ingested, {} gone{}",
        input,
        plan.toParse().size(),
        plan.skipped().size(),
        plan.removed().size(),
        restageAll ? " (every file parsed)" : "");
    plans.add(plan);
    return plan;
  }

  private static List<LandingFile> ofInput(Map<String, LandingFile> found, String input) {
    return found.values().stream().filter(f -> f.input().equals(input)).toList();
  }

  /**
   * The full paths of the named files, the largest first: the last task to start is then a short
   * one.
   */
  private static List<String> paths(Map<String, LandingFile> found, List<String> names) {
    return found.entrySet().stream()
        .filter(e -> names.contains(e.getValue().name()))
        .sorted(Map.Entry.comparingByValue(Comparator.comparingLong(LandingFile::size).reversed()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * (path, bytes) of each file, one partition per file; none when there is nothing to parse. One
   * {@code binaryFiles} per file: given them all, it packs files into partitions of the average
   * size, so two survey exports of nearly equal size became one task, on one core while the other
   * idled.
   */
  private JavaPairRDD<String, PortableDataStream> readFiles(List<String> paths) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (paths.isEmpty()) {
      return JavaPairRDD.fromJavaRDD(jsc.<scala.Tuple2<String, PortableDataStream>>emptyRDD());
    }
    return jsc.union(paths.stream().map(p -> jsc.binaryFiles(p, 1)).toArray(JavaPairRDD[]::new));
  }

  private AuditContext auditContext(Dataset<Row> structures, Dataset<Row> sites) {
    Map<String, AuditContext.StructureRef> structureRefs = new HashMap<>();
    for (Row r :
        structures
            .where(col(Dedup.FATE).equalTo(Dedup.KEPT))
            .select("structure_id", "category", "application_status", "plan")
            .collectAsList()) {
      structureRefs.put(
          r.getString(0),
          new AuditContext.StructureRef(
              r.getString(1),
              ApplicationStatus.valueOf(r.getString(2)),
              Plan.valueOf(r.getString(3))));
    }
    Map<String, AuditContext.SiteRef> siteRefs = new HashMap<>();
    for (Row r :
        sites
            .where(col(Dedup.FATE).equalTo(Dedup.KEPT))
            .select("site_id", "structure_id", "is_main", "mystery_visit")
            .collectAsList()) {
      siteRefs.put(
          r.getString(0),
          new AuditContext.SiteRef(r.getString(1), r.getBoolean(2), r.getBoolean(3)));
    }
    return new AuditContext(config, grid, structureRefs, siteRefs);
  }

  /** The kept rows to write; the refused ones are set aside for quarantine. */
  private Dataset<Row> kept(String table, Dataset<Row> resolved, Staging staging) {
    String key = staging.cleanSchema().fieldNames()[1];
    refused.add(Quarantine.refused(resolved, table, key, run));
    return Quarantine.kept(resolved, staging);
  }

  private void writeSettings(int edition) {
    String json = landing.editionSettings().text();
    warehouse.replaceEdition(
        Tables.EDITION_SETTINGS,
        edition,
        spark.createDataFrame(List.of(RowFactory.create(edition, json)), Schemas.EDITION_SETTINGS));
  }

  /** The grid's tables: criteria, items, scenarios. */
  private Map<String, Dataset<Row>> grid(int edition) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(
        Tables.REFERENTIAL_CRITERIA,
        spark.createDataFrame(
            grid.criteria().stream()
                .map(c -> RowFactory.create(edition, c.id(), c.label()))
                .toList(),
            Schemas.REFERENTIAL_CRITERIA));
    tables.put(
        Tables.REFERENTIAL_ITEMS,
        spark.createDataFrame(
            grid.items().stream().map(i -> itemRow(edition, i)).toList(),
            Schemas.REFERENTIAL_ITEMS));
    tables.put(
        Tables.SCENARIOS,
        spark.createDataFrame(
            grid.scenarios().stream()
                .map(s -> RowFactory.create(edition, s.id(), s.label(), s.scope()))
                .toList(),
            Schemas.SCENARIOS));
    return tables;
  }

  private static Row itemRow(int edition, GridItem i) {
    return RowFactory.create(
        edition,
        i.id(),
        i.channel().name(),
        i.criterion(),
        i.step().name(),
        i.label(),
        i.type().name(),
        i.unit() == null ? null : i.unit().name(),
        i.fullAt(),
        i.zeroAfter(),
        i.weight());
  }

  /**
   * Counts what became of each row read. Kept and quarantined rows are counted as stored (the
   * commits' metrics and the written quarantine), not in the staging data, so the reconciliation
   * checks what was really stored.
   */
  private static InputCounts counts(
      String input,
      Dataset<Row> resolved,
      Map<String, Long> stored,
      Map<String, Long> quarantined) {
    Column ineligible =
        input.equals(Tables.SURVEY_RESPONSES) ? col("eligible").unary_$bang() : null;
    StagedCounts staged = StagedCounts.of(resolved, ineligible);
    return new InputCounts(
        input,
        staged.read(),
        stored.get(input) - staged.ineligible(),
        quarantined.getOrDefault(input, 0L),
        staged.collapsed(),
        staged.ineligible());
  }

  /** The edition's quarantined rows by source, read back from the written table in one pass. */
  private Map<String, Long> quarantinedBySource(int edition) {
    Map<String, Long> bySource = new HashMap<>();
    warehouse
        .read(Tables.QUARANTINE, edition)
        .groupBy("source")
        .count()
        .collectAsList()
        .forEach(r -> bySource.put(r.getString(0), r.getLong(1)));
    return bySource;
  }

  private Set<String> keptKeys(Dataset<Row> resolved, String key) {
    Set<String> keys = new HashSet<>();
    resolved
        .where(col(Dedup.FATE).equalTo(Dedup.KEPT))
        .select(key)
        .collectAsList()
        .forEach(r -> keys.add(r.getString(0)));
    return keys;
  }

  private Dataset<Row> keep(Dataset<Row> ds) {
    Dataset<Row> persisted = ds.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  private TextFile relative(TextFile file) {
    return new TextFile(landing.relative(file.name()), file.text(), file.validUtf8());
  }
}
