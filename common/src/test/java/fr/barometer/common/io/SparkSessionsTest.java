package fr.barometer.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSessionsTest {
  private static final Map<String, String> INTERPRETED =
      Map.of(
          "spark.sql.codegen.wholeStage", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  @TempDir Path tmp;

  @Test
  void aSmallEditionRunsInterpretedAndALargeOneKeepsCodeGeneration() {
    SparkConf nothingGiven = new SparkConf(false);
    assertEquals(INTERPRETED, SparkSessions.codeGeneration(0, nothingGiven));
    assertEquals(INTERPRETED, SparkSessions.codeGeneration(16L * 1024 * 1024 - 1, nothingGiven));
    assertEquals(Map.of(), SparkSessions.codeGeneration(16L * 1024 * 1024, nothingGiven));
  }

  @Test
  void aGivenSettingWins() {
    SparkConf given = new SparkConf(false).set("spark.sql.codegen.wholeStage", "true");
    assertEquals(
        Map.of("spark.sql.codegen.factoryMode", "NO_CODEGEN"),
        SparkSessions.codeGeneration(100, given));
  }

  @Test
  void theEditionsSizeIsItsAuditAndSurveyExports() throws IOException {
    write("structures.csv", 1_000);
    write("sites.csv", 2_000);
    write("audits/2017-09.jsonl", 300);
    write("audits/2017-10.jsonl", 40);
    write("audits/notes.txt", 5_000);
    write("survey/responses.csv", 7);
    assertEquals(347, Landing.open(tmp.toString(), new Configuration()).exportBytes());
  }

  private void write(String name, int bytes) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[bytes]);
  }
}
