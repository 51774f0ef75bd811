package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly command end to end on the hand-written landing folder, then sql and export on its
 * tables.
 */
@Tag("end-to-end")
class RunCommandTest {
  @TempDir static Path tmp;
  private static String runOutput;
  private static int runCode;

  @BeforeAll
  static void run() {
    CliRun run = FixtureWarehouse.run();
    runCode = run.code();
    runOutput = run.out() + run.err();
  }

  private static String warehouse() {
    return FixtureWarehouse.root();
  }

  @Test
  void runEndsWithTheReconciledSummary() {
    assertEquals(0, runCode, runOutput);
    assertTrue(
        runOutput.contains(
            "audits                     11          4            5          2           0  yes"),
        runOutput);
    assertTrue(runOutput.contains("Tables written to " + warehouse()), runOutput);
  }

  @Test
  void everyStepWroteItsTables() throws Exception {
    for (String table :
        new String[] {
          "structure_scores",
          "positioning",
          "barometer_national",
          "trophies",
          "invoices",
          "survey_structure_results",
          "perceived_vs_produced",
          "participation",
          "quarantine",
          "run_log",
          "report_standard",
          "report_personalized"
        }) {
      assertTrue(
          Files.isDirectory(Path.of(warehouse()).resolve(table).resolve("_delta_log")), table);
    }
  }

  @Test
  void sqlSeesEveryTableByName() {
    CliRun sql =
        CliRun.of(
            "sql",
            "SELECT structure_id, complete FROM structure_scores ORDER BY structure_id",
            "--format",
            "csv",
            "--warehouse",
            warehouse());
    assertEquals(0, sql.code());
    // S1 (Paris town hall) and S2 (CAF) participate; S3 was rejected. Neither met its quotas.
    assertEquals("structure_id,complete\r\nS1,false\r\nS2,false\r\n", sql.out());
  }

  @Test
  void exportWritesFiles() throws Exception {
    Path out = tmp.resolve("export");
    assertEquals(
        0,
        BarometerCli.execute(
            "export",
            "--table",
            "invoices",
            "--format",
            "csv",
            "--out",
            out.toString(),
            "--warehouse",
            warehouse()));
    try (Stream<Path> files = Files.list(out)) {
      Path csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
      String text = Files.readString(csv);
      assertTrue(text.startsWith("edition,structure_id,plan,"), text);
      // S2: personalised, one additional site, the visit option on its main site, restitution:
      // 1,100 + 600 + 400 + 600 = 2,700 excl. VAT.
      assertTrue(
          text.contains("S2,PERSONALIZED,1100.0,1,600.0,1,400.0,600.0,0.0,2700.0,540.0,3240.0"),
          text);
    }
  }
}
