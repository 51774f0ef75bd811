package fr.barometer.common.io;

import fr.barometer.common.domain.BarometerException;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The Delta tables of one warehouse folder. Writes replace one edition's partition in a single
 * Delta commit, so a re-run never doubles rows and a run killed half-way leaves the previous
 * version of every table readable.
 */
public final class Warehouse {
  /** Tables written at once by {@link #replaceEditions} and {@link #concurrently}. */
  private static final int CONCURRENT_WRITES = 3;

  private final SparkSession spark;
  private final String root;

  /**
   * Rows written by this object's writes so far (from Delta's commit metrics): the run's progress
   * lines.
   */
  private final AtomicLong rowsWritten = new AtomicLong();

  /** The editions read so far, by "table/edition", while {@link #keepEditionReads} is on. */
  private final Map<String, Dataset<Row>> keptReads = new ConcurrentHashMap<>();

  private volatile boolean keepEditionReads;

  /** A table's latest Delta commit. */
  public record Commit(long version, Timestamp committedAt, long outputRows) {}

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String root() {
    return root;
  }

  /** The session the warehouse is read and written through. */
  public SparkSession spark() {
    return spark;
  }

  public String path(String table) {
    return root + "/" + table;
  }

  /**
   * Whether the table's Delta log holds a commit: a first write killed before its commit is no
   * table yet.
   */
  public boolean exists(String table) {
    return readLog(table, CommitLog::hasCommit);
  }

  /** The whole table. */
  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(path(table));
  }

  /**
   * One edition's rows. While {@link #keepEditionReads} is on, the first read of a table's edition
   * is cached and the later ones reuse it, until a write of this object changes the table.
   */
  public Dataset<Row> read(String table, int edition) {
    if (!keepEditionReads) {
      return editionOf(table, edition);
    }
    String key = table + "/" + edition;
    Dataset<Row> rows = keptReads.get(key);
    if (rows == null) {
      rows = editionOf(table, edition).cache();
      Dataset<Row> earlier = keptReads.putIfAbsent(key, rows);
      if (earlier != null) {
        rows.unpersist(false);
        rows = earlier;
      }
    }
    return rows;
  }

  private Dataset<Row> editionOf(String table, int edition) {
    return read(table).where(functions.col("edition").equalTo(edition));
  }

  /**
   * Whether a table's edition, once read, is kept in memory for the next reads: a small edition's
   * run reads most tables several times, and each read of a Delta table costs Spark jobs of its own
   * (its files filtered by the edition) whatever its size. Off: every read is a Delta read.
   */
  public void keepEditionReads(boolean keep) {
    keepEditionReads = keep;
    if (!keep) {
      forgetReads(null);
    }
  }

  /**
   * Drops the kept reads of {@code table} (all when null): it was just written. Delta refreshes
   * Spark's cache after its own writes too; dropping the copy here keeps the rule in one place and
   * frees the memory until the table is read again.
   */
  private void forgetReads(String table) {
    keptReads
        .entrySet()
        .removeIf(
            e -> {
              boolean gone = table == null || e.getKey().startsWith(table + "/");
              if (gone) {
                e.getValue().unpersist(false);
              }
              return gone;
            });
  }

  /**
   * Replaces the edition's partition with {@code rows}, atomically, and returns how many rows were
   * stored (from the commit's metrics, so counting them costs no second read of the table).
   */
  public long replaceEdition(String table, int edition, Dataset<Row> rows) {
    return replaceEditions(table, List.of(edition), rows);
  }

  /**
   * Replaces the partitions of several editions with {@code rows}, in one atomic commit: the tables
   * that compare editions (evolution) are rewritten for an edition and the later ones that depend
   * on it together.
   */
  public long replaceEditions(String table, Collection<Integer> editions, Dataset<Row> rows) {
    String inEditions =
        editions.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    rows.where(functions.col("edition").isin(editions.toArray()))
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", "edition IN (" + inEditions + ")")
        // A newer pipeline may add columns to a table (report datasets, survey counts): a
        // warehouse written by an older one takes them instead of refusing the run.
        .option("mergeSchema", "true")
        .partitionBy("edition")
        .save(path(table));
    forgetReads(table);
    long stored = lastCommit(table).outputRows();
    rowsWritten.addAndGet(stored);
    return stored;
  }

  /**
   * Replaces the edition's partition of several tables, each in its own commit, a few at a time:
   * much of a write is the driver planning and committing, which overlaps another table's tasks.
   * Returns, once every write has ended, the rows stored in each table (in the map's order); the
   * first failure is rethrown, after the others ended.
   */
  public Map<String, Long> replaceEditions(int edition, Map<String, Dataset<Row>> tables) {
    Map<String, Callable<Long>> writes = new LinkedHashMap<>();
    tables.forEach((table, rows) -> writes.put(table, () -> replaceEdition(table, edition, rows)));
    return concurrently(writes);
  }

  /**
   * Runs the writes (or any work ending in Delta commits), a few at a time, and returns each result
   * by name once all have ended; the first failure is rethrown after the others ended. Spark runs
   * the jobs of concurrent threads side by side: one job's last tasks leave cores to the next
   * one's, and a driver committing one table overlaps the tasks writing another.
   */
  public static <T> Map<String, T> concurrently(Map<String, Callable<T>> work) {
    ExecutorService workers = Executors.newFixedThreadPool(CONCURRENT_WRITES);
    try {
      Map<String, Future<T>> running = new LinkedHashMap<>();
      work.forEach((name, task) -> running.put(name, workers.submit(task)));
      Map<String, T> results = new LinkedHashMap<>();
      RuntimeException failure = null;
      for (Map.Entry<String, Future<T>> task : running.entrySet()) {
        try {
          results.put(task.getKey(), task.getValue().get());
        } catch (ExecutionException e) {
          RuntimeException cause =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
          failure = failure == null ? cause : failure;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while writing " + work.keySet(), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    } finally {
      workers.shutdown();
    }
  }

  /**
   * Replaces the rows that came from {@code sourceFiles} (a file may bring none: its rows are only
   * deleted) with {@code rows}, in one Delta commit: a file read again never doubles its rows.
   */
  public void replaceSourceFiles(
      String table, int edition, Collection<String> sourceFiles, Dataset<Row> rows) {
    String names = sourceFiles.stream().map(Warehouse::sqlString).collect(Collectors.joining(", "));
    rows.where(functions.col("edition").equalTo(edition))
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", "edition = " + edition + " AND source_file IN (" + names + ")")
        .partitionBy("edition")
        .save(path(table));
    forgetReads(table);
  }

  private static String sqlString(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Adds rows (the run log only: it is a history, not a result). */
  public void append(String table, Dataset<Row> rows) {
    rows.write().format("delta").mode("append").partitionBy("edition").save(path(table));
    forgetReads(table);
    rowsWritten.addAndGet(lastCommit(table).outputRows());
  }

  public long rowsWritten() {
    return rowsWritten.get();
  }

  /** The table's latest commit: its version is what a rollback restores to. */
  public Commit lastCommit(String table) {
    return newestCommit(table)
        .orElseThrow(
            () ->
                BarometerException.cannotRead(
                    path(table), "not a Delta table (no commit in its _delta_log)", null));
  }

  private Optional<Commit> newestCommit(String table) {
    return readLog(table, CommitLog::newest);
  }

  /** What {@code read} finds in the table's folder; a failure to read it names the table. */
  private <T> T readLog(String table, LogRead<T> read) {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(path(table));
    try {
      return read.apply(fileSystem(dir), dir);
    } catch (IOException e) {
      throw BarometerException.cannotRead(path(table), BarometerException.firstLine(e), e);
    }
  }

  /** A read of a table's folder (its Delta log) on its file system. */
  private interface LogRead<T> {
    T apply(FileSystem fs, org.apache.hadoop.fs.Path table) throws IOException;
  }

  private FileSystem fileSystem(org.apache.hadoop.fs.Path dir) throws IOException {
    return dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Replaces the edition's partition with the rows it held at {@code version} (Delta time travel),
   * in one commit, and returns how many rows were stored; the other editions' rows are untouched.
   * Reading an old version needs its data files: after a VACUUM that removed them it fails, and the
   * table is left as it was.
   */
  public long restoreEdition(String table, int edition, long version) {
    Dataset<Row> then =
        spark.read().format("delta").option("versionAsOf", version).load(path(table));
    return replaceEdition(table, edition, then);
  }

  /**
   * Removes the edition's rows, in one commit (a partition's files dropped, no data rewritten); the
   * other editions' rows are untouched.
   */
  public void deleteEdition(String table, int edition) {
    DeltaTable.forPath(spark, path(table)).delete(functions.col("edition").equalTo(edition));
    forgetReads(table);
  }

  /**
   * Whether a commit after {@code version} changed the edition's rows (added or removed a file of
   * its partition), read from the Delta log's commit files without a Spark job. True when the log
   * cannot tell: a commit file removed by log cleanup.
   */
  public boolean editionChangedSince(String table, int edition, long version) {
    return readLog(
        table,
        (fs, dir) ->
            CommitLog.partitionChangedSince(fs, dir, version, "edition", String.valueOf(edition)));
  }

  /** Restores the whole table (every edition) to {@code version}, in one new commit. */
  public void restore(String table, long version) {
    DeltaTable.forPath(spark, path(table)).restoreToVersion(version);
    forgetReads(table);
  }

  /** The Delta tables present in the warehouse, by name, sorted. */
  public List<String> tables() {
    try {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root);
      FileSystem fs = fileSystem(dir);
      if (!fs.exists(dir)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(dir))
          .filter(FileStatus::isDirectory)
          .map(s -> s.getPath().getName())
          .filter(this::exists)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw BarometerException.cannotRead(root, BarometerException.firstLine(e), e);
    }
  }

  public static String defaultRoot() {
    return Path.of("warehouse").toAbsolutePath().toString();
  }
}
