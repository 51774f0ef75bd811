package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every SQL cell of every notebook in notebooks/ runs against a warehouse built from the fixture
 * landing folder, with the tables registered under their names as 'sql' does: a renamed column
 * breaks this test, not an analyst's morning.
 */
@Tag("end-to-end")
class NotebooksTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final Path NOTEBOOKS = Path.of("..", "notebooks");
  private static Warehouse warehouse;

  @BeforeAll
  static void buildWarehouse() {
    CliRun run = FixtureWarehouse.run();
    assertEquals(0, run.code(), run.out() + run.err());
    warehouse = new Warehouse(SPARK, FixtureWarehouse.root());
    for (String table : warehouse.tables()) {
      warehouse.read(table).createOrReplaceTempView(table);
    }
  }

  private static List<Path> notebooks() throws Exception {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  private static String text(JsonNode source) {
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder sb = new StringBuilder();
    source.forEach(line -> sb.append(line.asText()));
    return sb.toString();
  }

  @Test
  void everySqlCellOfEveryNotebookRuns() throws Exception {
    List<Path> notebooks = notebooks();
    assertTrue(notebooks.size() >= 5, notebooks.toString());
    List<String> failures = new ArrayList<>();
    int cells = 0;
    for (Path notebook : notebooks) {
      JsonNode json = new ObjectMapper().readTree(notebook.toFile());
      assertEquals(
          "sql", json.at("/metadata/kernelspec/language").asText(), notebook + ": a SQL kernel");
      for (JsonNode cell : json.get("cells")) {
        if (cell.get("cell_type").asText().equals("code")) {
          cells++;
          String sql = text(cell.get("source"));
          try {
            SPARK.sql(sql).collectAsList();
          } catch (Exception e) {
            failures.add(
                notebook.getFileName()
                    + ": "
                    + e.getMessage().lines().findFirst().orElse("")
                    + "\n"
                    + sql);
          }
        }
      }
    }
    assertTrue(cells >= 25, "cells: " + cells);
    if (!failures.isEmpty()) {
      fail(String.join("\n\n", failures));
    }
  }

  @Test
  void ddlRegistersEveryTableByItsLocation() {
    CliRun ddl = CliRun.of("ddl", "--warehouse", warehouse.root(), "--database", "barometer");
    assertEquals(0, ddl.code(), ddl.err());
    List<String> lines = ddl.out().lines().toList();
    assertEquals(warehouse.tables().size(), lines.size(), ddl.out());
    assertTrue(
        lines.contains(
            "CREATE TABLE IF NOT EXISTS barometer.structure_scores USING delta LOCATION 'file:"
                + warehouse.path("structure_scores")
                + "';"),
        ddl.out());
    assertFalse(ddl.out().contains("_barometer.lock"), ddl.out());
  }
}
