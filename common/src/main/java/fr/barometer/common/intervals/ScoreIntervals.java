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
  private static final String STRUCTURE = "STRUCTURE";
  private static final String CELL = "CELL";

  private static final StructType TASK_KEYS =
      new StructType()
          .add("peer_group", DataTypes.StringType)
          .add("task_key", DataTypes.IntegerType, false);

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
    Dataset<Row> structures = structures(in, edition);
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(in.answerPoints().sparkSession().sparkContext());
    Broadcast<Map<String, GroupTask.Info>> info = context.broadcast(structureInfo(structures));
    Dataset<Row> terms = answerTerms(in.answerPoints(), structures, edition);
    Broadcast<Pools> pools = context.broadcast(pools(terms, in, structures, slots, edition));
    SparkSession spark = in.answerPoints().sparkSession();
    int tasks = spark.sessionState().conf().numShufflePartitions();
    Dataset<Row> task =
        terms
            .join(broadcast(taskKeys(spark, info.value(), tasks)), Columns.on("peer_group"), "left")
            .repartition(tasks, col("task_key"))
            .sortWithinPartitions("peer_group", "structure_id", "audit_id")
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
   * The participating structures with a score: structure_id, peer_group, complete, category,
   * stratum, region_code, main_site_id.
   */
  private static Dataset<Row> structures(Inputs in, int edition) {
    Column inEdition = col("edition").equalTo(edition);
    return in.structureScores()
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
                .select(col("edition"), col("structure_id"), col("site_id").as("main_site_id")),
            Columns.on("edition", "structure_id"));
  }

  /** peer_group, task_key: the key that sends each peer group to its task ({@link TaskPlan}). */
  private static Dataset<Row> taskKeys(
      SparkSession spark, Map<String, GroupTask.Info> structures, int tasks) {
    Map<String, Integer> sizes = new HashMap<>();
    structures.values().forEach(i -> sizes.merge(i.peerGroup(), 1, Integer::sum));
    List<Row> rows = new ArrayList<>();
    TaskPlan.keys(sizes, tasks).forEach((group, key) -> rows.add(RowFactory.create(group, key)));
    return spark.createDataFrame(rows, TASK_KEYS);
  }

  private static Map<String, GroupTask.Info> structureInfo(Dataset<Row> structures) {
    Map<String, GroupTask.Info> info = new HashMap<>();
    for (Row r :
        structures
            .select("structure_id", "peer_group", "category", "stratum", "region_code", "complete")
            .collectAsList()) {
      info.put(
          r.getString(0),
          new GroupTask.Info(
              r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBoolean(5)));
    }
    return info;
  }

  /**
   * Per applicable answer of a main-site audit: peer_group, structure_id, audit_id, channel, step,
   * criterion, weighted (weight x points) and weights (weight), the terms of the score step's sums
   * in its units of 10^-12 ({@link ScoreFigures#weightedTerm}). Not summed per audit here: an audit
   * has about one answer per step and criterion, so an aggregation would keep nearly every row and
   * cost a shuffle; the task adds each audit's terms as it reads them.
   */
  static Dataset<Row> answerTerms(Dataset<Row> answerPoints, Dataset<Row> structures, int edition) {
    Dataset<Row> mainSites =
        structures.select(
            col("edition"),
            col("structure_id"),
            col("main_site_id").as("site_id"),
            col("peer_group"));
    return answerPoints
        .where(col("edition").equalTo(edition))
        .join(broadcast(mainSites), Columns.on("edition", "structure_id", "site_id"))
        .select(
            col("peer_group"),
            col("structure_id"),
            col("audit_id"),
            col("channel"),
            col("step"),
            col("criterion"),
            ScoreFigures.weightedTerm(col("points"), col("weight")).as("weighted"),
            ScoreFigures.weightTerm(col("points"), col("weight")).as("weights"));
  }

  /**
   * The pools of the channels on which some main site has fewer than {@link
   * StructureReplicates#OWN_SPREAD} audits: every main-site audit of such a channel, collected in a
   * fixed order (by structure, then audit id).
   */
  private static Pools pools(
      Dataset<Row> terms, Inputs in, Dataset<Row> structures, Slots slots, int edition) {
    List<String> channels =
        in
            .siteChannelScores()
            .where(col("edition").equalTo(edition))
            .join(
                structures.select(col("structure_id"), col("main_site_id").as("site_id")),
                Columns.on("structure_id", "site_id"))
            .where(col("n_audits").gt(0).and(col("n_audits").lt(StructureReplicates.OWN_SPREAD)))
            .select("channel")
            .distinct()
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .sorted()
            .toList();
    Map<Channel, List<AuditSums>> pools = new EnumMap<>(Channel.class);
    if (channels.isEmpty()) {
      return new Pools(slots, pools);
    }
    // A few rows per audit of one or two channels: sorted here rather than by a distributed sort,
    // whose sampling and per-partition jobs cost more than the rows.
    List<Row> rows =
        new ArrayList<>(
            terms
                .where(col("channel").isin(channels.toArray()))
                .select(
                    "structure_id",
                    "audit_id",
                    "channel",
                    "step",
                    "criterion",
                    "weighted",
                    "weights")
                .collectAsList());
    rows.sort(
        Comparator.<Row, String>comparing(r -> r.getString(0))
            .thenComparing(r -> r.getString(1))
            .thenComparing(r -> r.getString(3))
            .thenComparing(r -> r.getString(4)));
    AuditSums.Builder audit = null;
    String current = null;
    for (Row r : rows) {
      String key = r.getString(0) + "\u0000" + r.getString(1);
      if (!key.equals(current)) {
        if (audit != null) {
          AuditSums done = audit.build();
          pools.computeIfAbsent(done.channel(), c -> new ArrayList<>()).add(done);
        }
        current = key;
        audit = new AuditSums.Builder(slots, r.getString(1), Channel.valueOf(r.getString(2)));
      }
      audit.add(
          Step.valueOf(r.getString(3)),
          r.getString(4),
          r.isNullAt(5) ? 0 : r.getLong(5),
          r.isNullAt(6) ? 0 : r.getLong(6));
    }
    if (audit != null) {
      AuditSums done = audit.build();
      pools.computeIfAbsent(done.channel(), c -> new ArrayList<>()).add(done);
    }
    return new Pools(slots, pools);
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
