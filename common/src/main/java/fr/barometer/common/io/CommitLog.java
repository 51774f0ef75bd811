package fr.barometer.common.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A Delta table's transaction log read as files: whether it holds a commit, and its newest one.
 * Delta's {@code history()} and {@code isDeltaTable} each load a snapshot, often a Spark job, and a
 * run asks after every write and for every table (77 jobs of a 40,000-structure run). The newest
 * commit file is the table's version: Delta never deletes it, only older ones behind a checkpoint.
 */
final class CommitLog {
  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommitLog() {}

  /** Whether the log of the table at {@code table} holds a commit (else it is not a table yet). */
  static boolean hasCommit(FileSystem fs, Path table) throws IOException {
    return newestFile(fs, new Path(table, "_delta_log")).isPresent();
  }

  /**
   * The newest commit of the table at {@code table}; empty when its log holds none (not a table
   * yet).
   */
  static Optional<Warehouse.Commit> newest(FileSystem fs, Path table) throws IOException {
    Optional<FileStatus> file = newestFile(fs, new Path(table, "_delta_log"));
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String name = file.get().getPath().getName();
    long version = Long.parseLong(name.substring(0, name.indexOf('.')));
    JsonNode info = commitInfo(fs, file.get().getPath());
    JsonNode rows = info == null ? null : info.path("operationMetrics").get("numOutputRows");
    // DESCRIBE HISTORY's timestamp, without in-commit timestamps: the commit file's modification
    // time.
    Timestamp committedAt = new Timestamp(file.get().getModificationTime());
    return Optional.of(
        new Warehouse.Commit(
            version, committedAt, rows == null ? 0 : Long.parseLong(rows.asText())));
  }

  /**
   * Whether a commit of the table at {@code table} after {@code version} added or removed a file of
   * the partition {@code column = value}, from the commit files alone. True when that cannot be
   * told: a commit file gone (log cleanup) or a file action without its partition values.
   */
  static boolean partitionChangedSince(
      FileSystem fs, Path table, long version, String column, String value) throws IOException {
    Optional<Warehouse.Commit> newest = newest(fs, table);
    if (newest.isEmpty()) {
      return true;
    }
    Path log = new Path(table, "_delta_log");
    // Newest first: the commits that change a partition are most often the recent ones.
    for (long v = newest.get().version(); v > version; v--) {
      Path commit = new Path(log, String.format("%020d.json", v));
      if (!fs.exists(commit) || touches(fs, commit, column, value)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the commit adds or removes a file of the partition (or might: no partition values). */
  private static boolean touches(FileSystem fs, Path commit, String column, String value)
      throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode action = line.isBlank() ? null : JSON.readTree(line);
        JsonNode file =
            action == null ? null : action.has("add") ? action.get("add") : action.get("remove");
        if (file != null) {
          JsonNode partition = file.path("partitionValues").get(column);
          if (partition == null || partition.asText().equals(value)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static Optional<FileStatus> newestFile(FileSystem fs, Path log) throws IOException {
    if (!fs.exists(log)) {
      return Optional.empty();
    }
    FileStatus newest = null;
    for (FileStatus f : fs.listStatus(log)) {
      String name = f.getPath().getName();
      if (COMMIT_FILE.matcher(name).matches()
          && (newest == null || name.compareTo(newest.getPath().getName()) > 0)) {
        newest = f;
      }
    }
    return Optional.ofNullable(newest);
  }

  /** The commit's {@code commitInfo} action (one JSON object per line), null if it has none. */
  private static JsonNode commitInfo(FileSystem fs, Path commit) throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode action = line.isBlank() ? null : JSON.readTree(line);
        if (action != null && action.has("commitInfo")) {
          return action.get("commitInfo");
        }
      }
      return null;
    }
  }
}
