package fr.barometer.common.ingest;

import fr.barometer.common.io.LandingFile;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The {@code ingested_files} table: which landing files (name, size, checksum) the staged rows of
 * an edition were parsed from. It vouches for the staging tables, so it is written after them: a
 * run killed in between leaves it describing older files, and the next run parses them again (their
 * rows are replaced, never doubled).
 */
public final class IngestedFiles {
  private IngestedFiles() {}

  /** The rows recorded for the edition; none when the table does not exist yet. */
  public static List<Row> read(Warehouse warehouse, int edition) {
    return warehouse.exists(Tables.INGESTED_FILES)
        ? warehouse.read(Tables.INGESTED_FILES, edition).collectAsList()
        : List.of();
  }

  /** The fingerprints of one input among recorded rows. */
  public static List<LandingFile> files(List<Row> recorded, String input) {
    return recorded.stream()
        .filter(r -> input.equals(r.getAs("input")))
        .map(
            r ->
                new LandingFile(
                    r.getAs("input"),
                    r.getAs("source_file"),
                    r.<Long>getAs("size"),
                    r.getAs("sha256")))
        .toList();
  }

  /**
   * The table's new content: every file found, with the run that parsed its current content (an
   * unchanged file keeps the run that first read it).
   */
  public static List<Row> rows(
      int edition, Collection<LandingFile> found, List<Row> recorded, RunInfo run) {
    Map<String, Row> before =
        recorded.stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("input") + "/" + r.getAs("source_file"),
                    Function.identity(),
                    (a, b) -> a));
    return found.stream()
        .sorted(java.util.Comparator.comparing(LandingFile::name))
        .map(
            f -> {
              Row previous = before.get(f.input() + "/" + f.name());
              boolean unchanged =
                  previous != null && f.sameContent(files(List.of(previous), f.input()).get(0));
              String runId = unchanged ? previous.getAs("run_id") : run.runId();
              Timestamp at = unchanged ? previous.getAs("ingested_at") : run.startedAt();
              return RowFactory.create(
                  edition, f.input(), f.name(), f.size(), f.sha256(), runId, at);
            })
        .toList();
  }
}
