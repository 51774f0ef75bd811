package fr.barometer.common.intervals;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Step;
import fr.barometer.common.io.Columns;
import fr.barometer.common.score.Eligibility;
import fr.barometer.common.score.Grid;
import fr.barometer.common.score.ScoreFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The uncertainty of the scores (docs/figures.md, "Uncertainty"): 95% bootstrap intervals of every
 * participating structure's barometer, channel, step and criterion scores, its rank in its peer
 * group, and the means of the national barometer's cells, all from the same B replicates of the
 * main sites' audits. Replicates are recomputed from the per-answer points the score step stored
 * (answer_points): each audit's sums are added up once, and a replicate adds up the sums of the
 * audits it draws, so no copy of the answers is made per replicate.
 */
public final class ScoreIntervals {
  private static final Channel[] CHANNELS = Channel.values();
  private static final Step[] STEPS = Step.values();
  private static final String STRUCTURE = "STRUCTURE";
  private static final String CELL = "CELL";

  /** The structures' main sites, numbered, and the key of each one's task ({@link #numbered}). */
  private static final StructType NUMBERED_SITES =
      new StructType()
          .add("structure_id", DataTypes.StringType, false)
          .add("site_id", DataTypes.StringType, false)
          .add("number", DataTypes.IntegerType, false)
          .add("task_key", DataTypes.IntegerType);

  /** The rows the task writes: a structure's measure, or a part of a cell's replicate sums. */
  static final StructType TASK_OUTPUT =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("structure_id", DataTypes.StringType)
          .add("peer_group", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("lower", DataTypes.DoubleType)
          .add("upper", DataTypes.DoubleType)
          .add("replicates", DataTypes.IntegerType)
          .add("rank", DataTypes.IntegerType)
          .add("peer_group_size", DataTypes.LongType)
          .add("rank_lower", DataTypes.IntegerType)
          .add("rank_upper", DataTypes.IntegerType)
          .add("p_first", DataTypes.DoubleType)
          .add("p_first_complete", DataTypes.DoubleType)
          .add("gap_to_peer_mean_lower", DataTypes.DoubleType)
          .add("gap_to_peer_mean_upper", DataTypes.DoubleType)
          .add("vs_peer_mean", DataTypes.StringType)
          .add("scope", DataTypes.StringType)
          .add("scope_value", DataTypes.StringType)
          .add("sums", DataTypes.createArrayType(DataTypes.LongType, false))
          .add("counts", DataTypes.createArrayType(DataTypes.IntegerType, false));

  /** The columns of score_intervals after edition. */
  static final String[] STRUCTURE_COLUMNS = {
    "structure_id",
    "peer_group",
    "measure",
    "value",
    "lower",
    "upper",
    "replicates",
    "rank",
    "peer_group_size",
    "rank_lower",
    "rank_upper",
    "p_first",
    "p_first_complete",
    "gap_to_peer_mean_lower",
    "gap_to_peer_mean_upper",
    "vs_peer_mean"
  };

  static final StructType CELL_INTERVAL =
      new StructType()
          .add("scope", DataTypes.StringType, false)
          .add("scope_value", DataTypes.StringType, false)
          .add("measure", DataTypes.StringType, false)
          .add("mean_lower", DataTypes.DoubleType)
          .add("mean_upper", DataTypes.DoubleType)
          .add("replicates", DataTypes.IntegerType, false);

  private ScoreIntervals() {}

  /** The tables this computes, both with an edition column. */
  public record Result(Dataset<Row> scoreIntervals, Dataset<Row> cellIntervals, Dataset<Row> task) {
    /** Frees the task's cached output, once both tables are written. */
    public void release() {
      task.unpersist();
    }
  }

  /** What the bootstrap reads: tables of the score step, one edition's rows or more. */
  public record Inputs(
      Dataset<Row> answerPoints,
      Dataset<Row> siteScores,
      Dataset<Row> siteChannelScores,
      Dataset<Row> structureScores,
      Dataset<Row> eligibility,
      Dataset<Row> referentialItems) {}

  /**
   * score_intervals: edition, structure_id, peer_group, measure, value, lower, upper, replicates,
   * and for OVERALL rank, peer_group_size, rank_lower, rank_upper, p_first, p_first_complete,
   * gap_to_peer_mean_lower, gap_to_peer_mean_upper, vs_peer_mean; one row per participating
   * structure and measure with a value (as positioning). cell_intervals: edition, scope,
   * scope_value, measure, mean_lower, mean_upper, replicates; one row per cell of the national
   * barometer. The task's output is cached until {@link Result#release}.
   */
  public static Result intervals(Inputs in, EditionConfig config) {
    int edition = config.edition();
    Slots slots = Slots.of(Grid.items(in.referentialItems(), edition));
    SparkSession spark = in.answerPoints().sparkSession();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    GroupTask.Info[] structures = structureInfo(in, edition);
    int tasks = spark.sessionState().conf().numShufflePartitions();
    Dataset<Row> sites = numbered(spark, structures, tasks);
    Dataset<Row> terms = answerTerms(in.answerPoints(), sites, slots, edition);
    Broadcast<GroupTask.Info[]> info = context.broadcast(structures);
    Broadcast<Pools> pools = context.broadcast(pools(terms, in, sites, structures, slots, edition));
    Dataset<Row> task =
        terms
            .repartition(tasks, col("task_key"))
            .drop("task_key")
            .sortWithinPartitions("number", "audit_id")
            .mapPartitions(new GroupTask(slots, config, pools, info), Encoders.row(TASK_OUTPUT))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Column[] columns = new Column[STRUCTURE_COLUMNS.length + 1];
    columns[0] = lit(edition).as("edition");
    for (int i = 0; i < STRUCTURE_COLUMNS.length; i++) {
      columns[i + 1] = col(STRUCTURE_COLUMNS[i]);
    }
    Dataset<Row> perStructure = task.where(col("kind").equalTo(STRUCTURE)).select(columns);
    Dataset<Row> cells =
        combineCells(task.where(col("kind").equalTo(CELL)), config.bootstrapReplicates())
            .select(
                lit(edition).as("edition"),
                col("scope"),
                col("scope_value"),
                col("measure"),
                col("mean_lower"),
                col("mean_upper"),
                col("replicates"));
    return new Result(perStructure, cells, task);
  }

  /**
   * The participating structures with a score, numbered in the order of their peer group, then
   * their id: a task's rows, sorted by that number, come a peer group at a time.
   */
  private static GroupTask.Info[] structureInfo(Inputs in, int edition) {
    Column inEdition = col("edition").equalTo(edition);
    List<Row> rows =
        in.structureScores()
            .where(inEdition)
            .select("edition", "structure_id", "peer_group", "complete")
            .join(
                Eligibility.participating(in.eligibility())
                    .where(inEdition)
                    .select("edition", "structure_id", "category", "stratum", "region_code"),
                Columns.on("edition", "structure_id"))
            .join(
                in.siteScores()
                    .where(inEdition.and(col("is_main")))
                    .select(col("edition"), col("structure_id"), col("site_id")),
                Columns.on("edition", "structure_id"))
            .select(
                "structure_id",
                "site_id",
                "peer_group",
                "category",
                "stratum",
                "region_code",
                "complete")
            .collectAsList();
    return rows.stream()
        .map(
            r ->
                new GroupTask.Info(
                    r.getString(0),
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getBoolean(6)))
        .sorted(
            Comparator.comparing(
                    GroupTask.Info::peerGroup, Comparator.nullsFirst(String::compareTo))
                .thenComparing(GroupTask.Info::structureId))
        .toArray(GroupTask.Info[]::new);
  }

  /**
   * structure_id, site_id (the main site), number (the structure's place in {@code structures}),
   * task_key (the key that sends its peer group to its task, {@link TaskPlan}).
   */
  private static Dataset<Row> numbered(SparkSession spark, GroupTask.Info[] structures, int tasks) {
    Map<String, Integer> sizes = new HashMap<>();
    for (GroupTask.Info s : structures) {
      sizes.merge(s.peerGroup(), 1, Integer::sum);
    }
    Map<String, Integer> keys = TaskPlan.keys(sizes, tasks);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < structures.length; i++) {
      GroupTask.Info s = structures[i];
      rows.add(RowFactory.create(s.structureId(), s.mainSiteId(), i, keys.get(s.peerGroup())));
    }
    return spark.createDataFrame(rows, NUMBERED_SITES);
  }

  /**
   * Per applicable answer of a main-site audit: task_key, number (of the structure, {@link
   * #numbered}), audit_id, channel and step (their ordinals), criterion (its slot, -1 for a code
   * the grid does not have), weighted (weight x points) and weights (weight), the terms of the
   * score step's sums in its units of 10^-12 ({@link ScoreFigures#weightedTerm}). Numbers rather
   * than text, so the shuffle and the sort carry one text column. Not summed per audit here: an
   * audit has about one answer per step and criterion, so an aggregation would keep nearly every
   * row and cost a shuffle; the task adds each audit's terms as it reads them.
   */
  static Dataset<Row> answerTerms(
      Dataset<Row> answerPoints, Dataset<Row> numberedSites, Slots slots, int edition) {
    return answerPoints
        .where(col("edition").equalTo(edition))
        .join(broadcast(numberedSites), Columns.on("structure_id", "site_id"))
        .select(
            col("task_key"),
            col("number"),
            col("audit_id"),
            ordinal(col("channel"), Arrays.stream(Channel.values()).map(Enum::name).toList())
                .as("channel"),
            ordinal(col("step"), Arrays.stream(Step.values()).map(Enum::name).toList()).as("step"),
            criterionSlot(col("criterion"), slots).as("criterion"),
            ScoreFigures.weightedTerm(col("points"), col("weight")).as("weighted"),
            ScoreFigures.weightTerm(col("points"), col("weight")).as("weights"));
  }

  /** The value's place in {@code names} (from 0), -1 when it is not there. */
  private static Column ordinal(Column value, List<String> names) {
    Column[] literals = names.stream().map(functions::lit).toArray(Column[]::new);
    return functions.array_position(functions.array(literals), value).cast("int").minus(1);
  }

  /** The criterion's slot ({@link Slots#criterion}), -1 for a code the grid does not have. */
  private static Column criterionSlot(Column code, Slots slots) {
    List<String> codes = slots.criterionCodes();
    if (codes.isEmpty()) {
      return lit(-1);
    }
    Column position = ordinal(code, codes);
    return functions
        .when(position.geq(0), position.plus(slots.criterion(codes.get(0))))
        .otherwise(lit(-1));
  }

  /**
   * The pools of the channels on which some main site has fewer than {@link
   * StructureReplicates#OWN_SPREAD} audits: every main-site audit of such a channel, collected in a
   * fixed order (by structure, then audit id).
   */
  private static Pools pools(
      Dataset<Row> terms,
      Inputs in,
      Dataset<Row> numberedSites,
      GroupTask.Info[] structures,
      Slots slots,
      int edition) {
    List<Integer> channels =
        in
            .siteChannelScores()
            .where(col("edition").equalTo(edition))
            .join(broadcast(numberedSites), Columns.on("structure_id", "site_id"))
            .where(col("n_audits").gt(0).and(col("n_audits").lt(StructureReplicates.OWN_SPREAD)))
            .select("channel")
            .distinct()
            .collectAsList()
            .stream()
            .map(r -> Channel.valueOf(r.getString(0)).ordinal())
            .sorted()
            .toList();
    Map<Channel, List<AuditSums>> pools = new EnumMap<>(Channel.class);
    if (channels.isEmpty()) {
      return new Pools(slots, pools);
    }
    // A few rows per audit of one or two channels: sorted here rather than by a distributed sort,
    // whose sampling and per-partition jobs cost more than the rows. By structure id, then audit
    // id: the order draws pick the pool's audits in.
    List<Row> rows =
        new ArrayList<>(
            terms
                .where(col("channel").isin(channels.toArray()))
                .select("number", "audit_id", "channel", "step", "criterion", "weighted", "weights")
                .collectAsList());
    rows.sort(
        Comparator.<Row, String>comparing(r -> structures[r.getInt(0)].structureId())
            .thenComparing(r -> r.getString(1)));
    AuditSums.Builder audit = null;
    int currentStructure = -1;
    String currentAudit = null;
    for (Row r : rows) {
      if (r.getInt(0) != currentStructure || !r.getString(1).equals(currentAudit)) {
        if (audit != null) {
          AuditSums done = audit.build();
          pools.computeIfAbsent(done.channel(), c -> new ArrayList<>()).add(done);
        }
        currentStructure = r.getInt(0);
        currentAudit = r.getString(1);
        audit = new AuditSums.Builder(slots, currentAudit, CHANNELS[r.getInt(2)]);
      }
      addTerms(audit, r, 3);
    }
    if (audit != null) {
      AuditSums done = audit.build();
      pools.computeIfAbsent(done.channel(), c -> new ArrayList<>()).add(done);
    }
    return new Pools(slots, pools);
  }

  /**
   * Adds a row's terms to its audit's sums: the step's ordinal, the criterion's slot, weighted and
   * weights at {@code at} and the three columns after it ({@link #answerTerms}).
   */
  static void addTerms(AuditSums.Builder audit, Row row, int at) {
    audit.add(
        STEPS[row.getInt(at)],
        row.getInt(at + 1),
        row.isNullAt(at + 2) ? 0 : row.getLong(at + 2),
        row.isNullAt(at + 3) ? 0 : row.getLong(at + 3));
  }

  /** Adds up each cell's parts from every task and gives its interval. */
  private static Dataset<Row> combineCells(Dataset<Row> parts, int replicates) {
    MapFunction<Row, String> key =
        r -> r.getAs("scope") + "\u0000" + r.getAs("scope_value") + "\u0000" + r.getAs("measure");
    FlatMapGroupsFunction<String, Row, Row> combine =
        (k, rows) -> {
          CellMeans cell = new CellMeans(replicates);
          while (rows.hasNext()) {
            Row r = rows.next();
            List<Long> sums = r.getList(r.fieldIndex("sums"));
            List<Integer> counts = r.getList(r.fieldIndex("counts"));
            long[] s = new long[replicates];
            int[] c = new int[replicates];
            for (int b = 0; b < replicates; b++) {
              s[b] = sums.get(b);
              c[b] = counts.get(b);
            }
            cell.add(new CellMeans(s, c));
          }
          String[] parts3 = k.split("\u0000", -1);
          Interval interval = cell.meanInterval();
          return List.of(
                  RowFactory.create(
                      parts3[0],
                      parts3[1],
                      parts3[2],
                      interval == null ? null : interval.lower(),
                      interval == null ? null : interval.upper(),
                      interval == null ? 0 : interval.replicates()))
              .iterator();
        };
    return parts
        .groupByKey(key, Encoders.STRING())
        .flatMapGroups(combine, Encoders.row(CELL_INTERVAL));
  }

  /** A structure's row of the task output; {@code standing} only for OVERALL. */
  static Row structureRow(
      String structureId,
      String peerGroup,
      String measure,
      double value,
      Interval interval,
      int replicates,
      PeerGroupRanks.Standing standing) {
    return RowFactory.create(
        STRUCTURE,
        structureId,
        peerGroup,
        measure,
        value,
        interval == null ? null : score(interval.lower()),
        interval == null ? null : score(interval.upper()),
        replicates,
        standing == null ? null : standing.rank(),
        standing == null ? null : (long) standing.groupSize(),
        standing == null || standing.ranks() == null ? null : (int) standing.ranks().lower(),
        standing == null || standing.ranks() == null ? null : (int) standing.ranks().upper(),
        standing == null ? null : standing.pFirst(),
        standing == null ? null : standing.pFirstComplete(),
        standing == null ? null : standing.gapToMean().lower(),
        standing == null ? null : standing.gapToMean().upper(),
        standing == null ? null : standing.comparison().name(),
        null,
        null,
        null,
        null);
  }

  /** A score's bound within the scale: a rescaled replicate may stray past 0 or 100. */
  private static double score(double bound) {
    return Math.max(0, Math.min(100, bound));
  }

  /** A part of a cell's replicate sums. */
  static Row cellRow(String scope, String scopeValue, String measure, CellMeans sums) {
    Object[] values = new Object[TASK_OUTPUT.size()];
    values[0] = CELL;
    values[3] = measure;
    values[17] = scope;
    values[18] = scopeValue;
    values[19] = sums.sums();
    values[20] = sums.counts();
    return RowFactory.create(values);
  }
}
