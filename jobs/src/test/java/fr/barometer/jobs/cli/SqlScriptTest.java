package fr.barometer.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.barometer.common.SparkTestSession;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Splitting a script into statements, and the tables a statement names. */
class SqlScriptTest {
  @Test
  void semicolonsInStringsIdentifiersAndCommentsDoNotEndAStatement() {
    String script =
        """
        -- first; a comment
        SELECT 'a;b', "c;d", `e;f`, 'it\\'s;' FROM t;

        /* a; /* nested; */ still a comment; */ SELECT 1 -- trailing;
        ;;
        SELECT `x``;y`
          FROM u\
        """;
    assertEquals(
        List.of(
            new SqlScript.Statement(
                1, 2, "-- first; a comment\nSELECT 'a;b', \"c;d\", `e;f`, 'it\\'s;' FROM t"),
            new SqlScript.Statement(
                2, 4, "/* a; /* nested; */ still a comment; */ SELECT 1 -- trailing;"),
            new SqlScript.Statement(3, 6, "SELECT `x``;y`\n  FROM u")),
        SqlScript.split(script));
  }

  @Test
  void blanksAndCommentsAloneAreNoStatement() {
    assertEquals(List.of(), SqlScript.split("  ;\n-- nothing\n/* nor; this */;\n"));
  }

  @Test
  void theTablesAStatementNames() {
    var spark = SparkTestSession.get();
    assertEquals(
        Optional.of(Set.of("audits", "structure_scores", "structures")),
        NamedTables.in(
            spark,
            "WITH best AS (SELECT * FROM structure_scores), top AS (SELECT * FROM best)"
                + " SELECT * FROM top JOIN Structures USING (structure_id)"
                + " WHERE structure_id IN (SELECT structure_id FROM audits)"));
    // A WITH name hides a table in the query, not in its own definition.
    assertEquals(
        Optional.of(Set.of("sites")),
        NamedTables.in(spark, "WITH sites AS (SELECT * FROM sites) SELECT * FROM sites"));
    assertEquals(Optional.of(Set.of("sites")), NamedTables.in(spark, "DESCRIBE sites"));
    assertEquals(
        Optional.of(Set.of("audits")),
        NamedTables.in(spark, "CREATE TEMP VIEW a AS SELECT * FROM audits"));
    assertEquals(Optional.of(Set.of()), NamedTables.in(spark, "SELECT * FROM delta.`/tmp/audits`"));
    assertEquals(Optional.of(Set.of()), NamedTables.in(spark, "SELEC oops"));
    assertEquals(Optional.empty(), NamedTables.in(spark, "SHOW TABLES"));
  }
}
