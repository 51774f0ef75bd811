package fr.barometer.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step is skipped when nothing it reads changed since the edition's last run. */
class ChangesTest {
  private static final SparkSession SPARK = SparkTestSession.get();

  @TempDir Path tmp;

  private static Dataset<Row> rows(int edition, String value) {
    return SPARK.createDataFrame(
        List.of(RowFactory.create(edition, value)), StructType.fromDDL("edition INT, v STRING"));
  }

  @Test
  void onlyAChangeOfTheEditionsRowsOfAnInputMakesAStepRun() {
    Warehouse warehouse = new Warehouse(SPARK, tmp.resolve("w").toString());
    warehouse.replaceEdition("audits", 2017, rows(2017, "a"));
    warehouse.replaceEdition("audits", 2016, rows(2016, "a"));
    warehouse.replaceEdition("positioning", 2017, rows(2017, "p"));
    RunInfo run = RunInfo.start();
    RunTables.record(SPARK, warehouse, run, 2017);
    Changes changes = Changes.since(warehouse, 2017, run.runId());
    assertEquals(Optional.empty(), changes.why(List.of("audits"), List.of("positioning")));
    // Another edition's rows: not this edition's step's business, unless it reads every edition.
    warehouse.replaceEdition("audits", 2016, rows(2016, "b"));
    assertEquals(Optional.empty(), changes.why(List.of("audits"), List.of()));
    assertEquals(Optional.of("audits changed"), changes.why(List.of(), List.of("audits")));
    warehouse.replaceEdition("audits", 2017, rows(2017, "b"));
    assertEquals(Optional.of("audits changed"), changes.why(List.of("audits"), List.of()));
    // A table the last run did not have.
    warehouse.replaceEdition("evolution", 2017, rows(2017, "e"));
    assertEquals(Optional.of("evolution changed"), changes.why(List.of("evolution"), List.of()));
    assertEquals(
        Optional.of("no earlier run of this pipeline version to compare with"),
        Changes.NONE.why(List.of(), List.of()));
  }
}
