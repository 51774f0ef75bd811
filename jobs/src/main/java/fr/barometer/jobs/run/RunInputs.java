package fr.barometer.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import fr.barometer.common.io.LandingFile;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * What an edition's tables were computed from, as one fingerprint: every landing file (registry,
 * settings, grid, reference data when the folder has its own, audits, survey: path, size and
 * SHA-256), the pipeline's version (its code and shipped data), and the last completed run of each
 * earlier edition (the evolution and the reports compare with them). A run whose fingerprint equals
 * the one recorded by the edition's last completed run has nothing to compute.
 *
 * @param fingerprint the SHA-256 of all of the above
 * @param pipelineVersion the pipeline version it includes
 */
public record RunInputs(String fingerprint, String pipelineVersion) {

  /** The fingerprint of a run of {@code edition} on these landing files, in this warehouse. */
  public static RunInputs of(
      Warehouse warehouse, int edition, List<LandingFile> files, String pipelineVersion) {
    StringBuilder text = new StringBuilder("pipeline ").append(pipelineVersion).append('\n');
    files.stream()
        .sorted(Comparator.comparing(LandingFile::name))
        .forEach(
            f ->
                text.append("file ")
                    .append(f.name())
                    .append(' ')
                    .append(f.size())
                    .append(' ')
                    .append(f.sha256())
                    .append('\n'));
    lastRuns(warehouse)
        .forEach(
            (e, run) -> {
              if (e < edition) {
                text.append("edition ").append(e).append(" run ").append(run).append('\n');
              }
            });
    return new RunInputs(sha256(text.toString()), pipelineVersion);
  }

  /**
   * The edition's last completed run (or rollback), when it recorded these very inputs: nothing has
   * changed since it.
   */
  public Optional<String> unchangedSince(Warehouse warehouse, int edition) {
    return lastRunWith(warehouse, edition, col("fingerprint").equalTo(fingerprint));
  }

  /**
   * The edition's last completed run, when the same pipeline version computed it: the run whose
   * tables a step may keep when nothing it reads changed since.
   */
  public Optional<String> lastRunOfThisVersion(Warehouse warehouse, int edition) {
    return lastRunWith(warehouse, edition, col("pipeline_version").equalTo(pipelineVersion));
  }

  /** The edition's last completed run, when its recorded inputs meet {@code condition}. */
  private static Optional<String> lastRunWith(Warehouse warehouse, int edition, Column condition) {
    String last = lastRuns(warehouse).get(edition);
    if (last == null || !warehouse.exists(Tables.RUN_INPUTS)) {
      return Optional.empty();
    }
    boolean met =
        !warehouse
            .read(Tables.RUN_INPUTS, edition)
            .where(col("run_id").equalTo(last).and(condition))
            .isEmpty();
    return met ? Optional.of(last) : Optional.empty();
  }

  /** Records the run's inputs; written just before run_tables, which vouches for the run. */
  public void record(SparkSession spark, Warehouse warehouse, RunInfo run, int edition) {
    Row row =
        RowFactory.create(
            edition, run.runId(), fingerprint, pipelineVersion, Timestamp.from(Instant.now()));
    warehouse.append(Tables.RUN_INPUTS, spark.createDataFrame(List.of(row), Schemas.RUN_INPUTS));
  }

  /** Each edition's last completed run or rollback (the one whose versions run_tables ends on). */
  private static Map<Integer, String> lastRuns(Warehouse warehouse) {
    Map<Integer, String> last = new TreeMap<>();
    if (!warehouse.exists(Tables.RUN_TABLES)) {
      return last;
    }
    warehouse
        .read(Tables.RUN_TABLES)
        .groupBy("edition", "run_id")
        .agg(max("committed_at").as("at"))
        .orderBy("edition", "at", "run_id")
        .collectAsList()
        .forEach(r -> last.put(r.getInt(0), r.getString(1)));
    return last;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
