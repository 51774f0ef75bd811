package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sql command on a small hand-made warehouse: three tables, one of them ({@code quarantine})
 * with a corrupt Delta log that only a statement naming it, or SHOW TABLES, reads.
 */
class SqlCommandTest {
  @TempDir static Path tmp;
  private static String root;

  @BeforeAll
  static void warehouse() throws Exception {
    SparkSession spark = SparkTestSession.get();
    root = tmp.resolve("warehouse").toString();
    Warehouse warehouse = new Warehouse(spark, root);
    warehouse.replaceEdition(
        "structures",
        2017,
        spark.sql(
            "SELECT 2017 AS edition, 'S1' AS structure_id, 'Mairie; Paris' AS name"
                + " UNION ALL SELECT 2017, 'S2', 'CAF'"));
    warehouse.replaceEdition(
        "structure_scores",
        2017,
        spark.sql(
            "SELECT 2017 AS edition, 'S1' AS structure_id, 80.0D AS barometer_score"
                + " UNION ALL SELECT 2017, 'S2', 60.0D"));
    warehouse.replaceEdition(
        "quarantine", 2017, spark.sql("SELECT 2017 AS edition, 'BAD' AS reason"));
    Path log = tmp.resolve("warehouse/quarantine/_delta_log");
    try (Stream<Path> files = Files.list(log)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.writeString(f, "{not a Delta commit");
      }
    }
  }

  private static CliRun sql(String... args) {
    String[] all = Stream.concat(Stream.of("sql"), Stream.of(args)).toArray(String[]::new);
    return CliRun.of(
        Stream.concat(Stream.of(all), Stream.of("--format", "csv", "--warehouse", root))
            .toArray(String[]::new));
  }

  private static CliRun sqlWithInput(String input, String... args) {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      return sql(args);
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void aQueryReadsOnlyTheTablesItNames() {
    CliRun r = sql("SELECT count(*) AS n FROM structure_scores");
    assertEquals("", r.err());
    assertEquals(0, r.code());
    assertEquals("n\r\n2\r\n", r.out());
    // Every table, the corrupt one included, is read only when asked for.
    CliRun all = sql("SHOW TABLES");
    assertEquals(1, all.code());
    assertTrue(
        all.err()
            .startsWith("barometer: statement 1 (line 1): Cannot read " + root + "/quarantine"),
        all.err());
    assertEquals(1, all.err().lines().count(), all.err());
  }

  @Test
  void aCteASubqueryAndAJoinReadEveryTableTheyName() {
    CliRun r =
        sql(
            "WITH best AS (SELECT * FROM structure_scores WHERE barometer_score >"
                + " (SELECT avg(barometer_score) FROM structure_scores))"
                + " SELECT s.name, b.barometer_score FROM best b JOIN structures s USING"
                + " (structure_id) WHERE s.structure_id IN (SELECT structure_id FROM structures)");
    assertEquals("", r.err());
    assertEquals("name,barometer_score\r\nMairie; Paris,80.0\r\n", r.out());
  }

  @Test
  void aStatementFileRunsInOneSessionAndQuotesOrCommentsHoldSemicolons() throws Exception {
    Path file = tmp.resolve("checks.sql");
    Files.writeString(
        file,
        """
        -- the structures whose name holds a ';'
        SELECT name FROM structures WHERE name LIKE '%;%';
        /* a view; /* nested; */ the next statement reads */
        CREATE TEMP VIEW good AS SELECT * FROM structure_scores WHERE barometer_score > 70;
        SELECT structure_id, "x;y" AS `a;b` FROM good;
        SELECT 'it\\'s;' AS quoted
        """);
    CliRun r = sql("--file", file.toString());
    assertEquals("", r.err());
    assertEquals(0, r.code());
    assertEquals(
        "name\r\nMairie; Paris\r\n\nstructure_id,a;b\r\nS1,x;y\r\n\nquoted\r\nit's;\r\n", r.out());
  }

  @Test
  void standardInputRunsEveryStatement() {
    CliRun r =
        sqlWithInput(
            "SELECT count(*) AS structures FROM structures;\n"
                + "SELECT max(barometer_score) AS best FROM structure_scores;\n");
    assertEquals("", r.err());
    assertEquals(0, r.code());
    assertEquals("structures\r\n2\r\n\nbest\r\n80.0\r\n", r.out());
  }

  /** Piped input stops at the first failing statement, as a file does, with exit code 1. */
  @Test
  void anUnknownTableIsOneLineNamingItAndTheStatement() {
    CliRun r =
        sqlWithInput(
            "SELECT 1 AS one;\n\nSELECT *\n  FROM nowhere;\nSELECT 2 AS two;\n", "--limit", "5");
    assertEquals(1, r.code());
    assertEquals("one\r\n1\r\n", r.out(), "the statements after the failing one do not run");
    assertEquals(
        "barometer: statement 2 (line 3): no table or view nowhere in the warehouse "
            + root
            + " (SHOW TABLES lists them)\n",
        r.err());
  }

  @Test
  void aCorruptTableNamedFailsInOneLine() {
    CliRun r = sql("SELECT * FROM quarantine");
    assertEquals(1, r.code());
    assertTrue(
        r.err().startsWith("barometer: statement 1 (line 1): Cannot read " + root + "/quarantine"),
        r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void aQueryAndAFileTogetherAreAWrongCommandLine() {
    assertEquals(2, sql("SELECT 1", "--file", tmp.resolve("checks.sql").toString()).code());
    CliRun missing = sql("--file", tmp.resolve("nowhere.sql").toString());
    assertEquals(1, missing.code());
    assertEquals(
        "barometer: Cannot read "
            + tmp.resolve("nowhere.sql")
            + ": no such file; check the path given to --file\n",
        missing.err());
  }
}
