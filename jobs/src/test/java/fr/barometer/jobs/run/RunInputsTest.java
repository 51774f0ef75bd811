package fr.barometer.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.InputCounts;
import fr.barometer.common.io.LandingFile;
import fr.barometer.common.io.PipelineVersion;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a run has nothing to compute: its inputs' fingerprint equals its edition's last run's. */
class RunInputsTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final List<LandingFile> FILES =
      List.of(
          new LandingFile(LandingFile.REGISTRY, "structures.csv", 120, "aa"),
          new LandingFile(LandingFile.AUDITS, "audits/email.jsonl", 4000, "bb"));

  @TempDir Path tmp;

  /** A completed run of the edition: its inputs, then (last) its table versions. */
  private static String completedRun(Warehouse warehouse, int edition, RunInputs inputs) {
    RunInfo run = RunInfo.start();
    RunLog.append(
        SPARK,
        warehouse,
        run,
        edition,
        "ingest",
        List.of(new InputCounts("audits", 1, 1, 0, 0, 0)));
    if (inputs != null) {
      inputs.record(SPARK, warehouse, run, edition);
    }
    RunTables.record(SPARK, warehouse, run, edition);
    return run.runId();
  }

  @Test
  void theSameInputsMatchTheEditionsLastRun() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.resolve("w").toString());
    assertEquals(
        Optional.empty(),
        RunInputs.of(warehouse, 2017, FILES, "v1").unchangedSince(warehouse, 2017));
    String first = completedRun(warehouse, 2017, RunInputs.of(warehouse, 2017, FILES, "v1"));
    assertEquals(
        Optional.of(first),
        RunInputs.of(warehouse, 2017, FILES, "v1").unchangedSince(warehouse, 2017));
    // Another edition's run does not concern 2017 unless it is earlier.
    completedRun(warehouse, 2018, RunInputs.of(warehouse, 2018, FILES, "v1"));
    assertEquals(
        Optional.of(first),
        RunInputs.of(warehouse, 2017, FILES, "v1").unchangedSince(warehouse, 2017));
  }

  @Test
  void aChangedFileOrPipelineVersionIsNotUnchanged() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.resolve("w").toString());
    completedRun(warehouse, 2017, RunInputs.of(warehouse, 2017, FILES, "v1"));
    List<LandingFile> changed =
        List.of(
            FILES.get(0), new LandingFile(LandingFile.AUDITS, "audits/email.jsonl", 4000, "cc"));
    assertEquals(
        Optional.empty(),
        RunInputs.of(warehouse, 2017, changed, "v1").unchangedSince(warehouse, 2017));
    List<LandingFile> added =
        List.of(
            FILES.get(0),
            FILES.get(1),
            new LandingFile(LandingFile.SURVEY, "survey/1.csv", 9, "dd"));
    assertEquals(
        Optional.empty(),
        RunInputs.of(warehouse, 2017, added, "v1").unchangedSince(warehouse, 2017));
    assertEquals(
        Optional.empty(),
        RunInputs.of(warehouse, 2017, FILES, "v2").unchangedSince(warehouse, 2017));
  }

  @Test
  void aNewRunOfAnEarlierEditionOrARollbackMakesTheEditionRunAgain() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.resolve("w").toString());
    completedRun(warehouse, 2016, RunInputs.of(warehouse, 2016, FILES, "v1"));
    completedRun(warehouse, 2017, RunInputs.of(warehouse, 2017, FILES, "v1"));
    assertTrue(
        RunInputs.of(warehouse, 2017, FILES, "v1").unchangedSince(warehouse, 2017).isPresent());
    completedRun(warehouse, 2016, RunInputs.of(warehouse, 2016, FILES, "v1"));
    assertEquals(
        Optional.empty(),
        RunInputs.of(warehouse, 2017, FILES, "v1").unchangedSince(warehouse, 2017));
    completedRun(warehouse, 2017, RunInputs.of(warehouse, 2017, FILES, "v1"));
    // A rollback records table versions but no inputs: the next run computes again.
    completedRun(warehouse, 2017, null);
    assertEquals(
        Optional.empty(),
        RunInputs.of(warehouse, 2017, FILES, "v1").unchangedSince(warehouse, 2017));
  }

  @Test
  void thePipelineVersionIsTheCodesAndCanBeForced() {
    String version = PipelineVersion.current();
    assertEquals(16, version.length());
    assertEquals(version, PipelineVersion.current());
    System.setProperty("barometer.pipeline.version", "forced");
    try {
      assertEquals("forced", PipelineVersion.current());
    } finally {
      System.clearProperty("barometer.pipeline.version");
    }
    assertNotEquals("forced", PipelineVersion.current());
  }
}
