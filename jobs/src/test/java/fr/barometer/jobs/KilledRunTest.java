package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A nightly run killed with SIGKILL (kill -9) at chosen moments: right after the staging table of
 * the audits got a new version (before ingested_files vouches for it), after the clean audits table
 * got one, and after ingested_files got one (scoring under way). After each kill every table of the
 * warehouse must be readable; then a run to the end must give the tables of an uninterrupted run on
 * the same landing folder.
 */
@Tag("end-to-end")
class KilledRunTest {
  private static final Logger LOG = LoggerFactory.getLogger(KilledRunTest.class);
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final long PATIENCE_MS = TimeUnit.MINUTES.toMillis(10);
  @TempDir static Path tmp;

  @Test
  void aKilledRunLeavesReadableTablesAndTheNextRunCompletesThem() throws Exception {
    String landing =
        Path.of(KilledRunTest.class.getResource("/IngestJobTest/landing").toURI()).toString();
    Path killed = tmp.resolve("killed");
    for (String table : List.of("staged_audits", "audits", "ingested_files")) {
      killWhenTableCommits(landing, killed, table);
      everyTableIsReadable(killed);
    }
    CliRun completion =
        CliRun.of("run", "--landing", landing, "--warehouse", tmp.resolve("killed").toString());
    assertEquals(0, completion.code(), completion.out() + completion.err());
    // The uninterrupted run of the same landing folder, shared with the other tests.
    assertEquals(0, FixtureWarehouse.run().code());
    Map<String, List<String>> expected =
        WarehouseSnapshot.of(SPARK, Path.of(FixtureWarehouse.root()));
    Map<String, List<String>> repaired = WarehouseSnapshot.of(SPARK, killed);
    assertTrue(
        expected.containsKey("structure_scores") && expected.containsKey("invoices"),
        expected.keySet().toString());
    assertEquals(expected.keySet(), repaired.keySet());
    expected.forEach((table, rows) -> assertEquals(rows, repaired.get(table), table));
  }

  /**
   * Starts `run` in a child JVM and kills it (SIGKILL) as soon as {@code table} commits a new
   * version.
   */
  private static void killWhenTableCommits(String landing, Path warehouse, String table)
      throws Exception {
    Warehouse tables = new Warehouse(SPARK, warehouse.toString());
    long nextVersion = tables.exists(table) ? tables.lastCommit(table).version() + 1 : 0;
    Path nextCommit =
        warehouse
            .resolve(table)
            .resolve("_delta_log")
            .resolve(String.format("%020d.json", nextVersion));
    long start = System.currentTimeMillis();
    Process child = startRun(landing, warehouse, tmp.resolve("child-" + table + ".log"));
    try {
      while (!Files.exists(nextCommit)) {
        if (!child.isAlive()) {
          fail(
              "the run ended (exit "
                  + child.exitValue()
                  + ") before "
                  + nextCommit
                  + " appeared: "
                  + Files.readString(tmp.resolve("child-" + table + ".log")));
        }
        if (System.currentTimeMillis() - start > PATIENCE_MS) {
          fail("no new version of " + table + " after " + PATIENCE_MS + " ms");
        }
        Thread.sleep(50);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
      child.waitFor();
    }
    LOG.info(
        "killed the run {} ms after its start, when {} committed {}",
        System.currentTimeMillis() - start,
        table,
        nextCommit.getFileName());
  }

  /** The CLI in a child JVM with the test's classpath and Spark's --add-opens flags, local[2]. */
  private static Process startRun(String landing, Path warehouse, Path output) throws IOException {
    // The child dies before the end of its run: the client compiler alone reaches the kill points
    // sooner than C1 + C2.
    List<String> command =
        CliRun.inChildJvm(
            Stream.concat(Stream.of("-Xmx1g"), CliRun.CLIENT_COMPILER_ONLY.stream()).toList(),
            "run",
            "--landing",
            landing,
            "--warehouse",
            warehouse.toString(),
            "--master",
            "local[2]");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  /** Delta reads every table at its last complete version, whatever the killed run left behind. */
  private static void everyTableIsReadable(Path warehouse) {
    Warehouse tables = new Warehouse(SPARK, warehouse.toString());
    for (String table : tables.tables()) {
      tables.read(table).count();
    }
  }
}
