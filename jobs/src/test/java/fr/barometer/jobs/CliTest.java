package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, exit codes, one-line errors. */
class CliTest {
  @TempDir Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  /** Every command's --help is its manual: what it does, its defaults, exit codes, an example. */
  @Test
  void everyCommandHasHelpWithItsExitCodesAndAnExample() {
    for (String command :
        List.of(
            "generate",
            "run",
            "score",
            "publish",
            "history",
            "rollback",
            "sql",
            "export",
            "ddl",
            "report")) {
      CliRun r = CliRun.of(command, "--help");
      assertEquals(0, r.code(), command);
      String help = r.out();
      assertTrue(help.contains("Usage: barometer " + command), help);
      assertTrue(help.contains("Exit codes:"), command + ": " + help);
      for (String code : List.of("0   done", "1   refused input", "2   wrong command line")) {
        assertTrue(help.contains(code), command + " lacks '" + code + "': " + help);
      }
      assertTrue(help.contains("Example:\n  bin/barometer " + command), command + ": " + help);
    }
    assertTrue(
        CliRun.of("run", "--help")
            .out()
            .replaceAll("\\s+", " ")
            .contains("then score, survey, publish and write the report datasets"));
  }

  @Test
  void bashCompletionIsGenerated() {
    CliRun r = CliRun.of("generate-completion");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("complete -F"), r.out());
  }

  /**
   * In a JVM of its own, as a user starts it: a refused run prints its one line and nothing of
   * Spark's or Hadoop's logs.
   */
  @Test
  void aRefusedRunPrintsOneLineAndNoLog() throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        java.util.Arrays.asList(
            System.getProperty("barometer.add-opens", "").trim().split("\\s+")));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "fr.barometer.jobs.BarometerCli",
            "run",
            "--landing",
            tmp.resolve("nowhere").toString(),
            "--warehouse",
            tmp.resolve("w").toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes());
    assertEquals(1, child.waitFor());
    assertEquals(
        "barometer: Cannot read " + tmp.resolve("nowhere") + ": no such landing folder\n", output);
  }

  @Test
  void missingLandingFolderIsOneLine() {
    CliRun r =
        CliRun.of(
            "run",
            "--landing",
            tmp.resolve("nowhere").toString(),
            "--warehouse",
            tmp.resolve("w").toString());
    assertEquals(1, r.code());
    assertEquals(
        "barometer: Cannot read " + tmp.resolve("nowhere") + ": no such landing folder\n", r.err());
  }

  @Test
  void missingRequiredFileIsNamed() throws Exception {
    Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(tmp.resolve("landing/sites.csv"), "site_id\n");
    CliRun r =
        CliRun.of(
            "run",
            "--landing",
            tmp.resolve("landing").toString(),
            "--warehouse",
            tmp.resolve("w").toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err()
            .matches(
                "barometer: Cannot read \\S*landing/structures.csv: required file missing from the"
                    + " landing folder\n"),
        r.err());
  }

  @Test
  void unreadableEditionSettingsAreNamed() throws Exception {
    Path landing = tmp.resolve("landing");
    Files.createDirectories(landing.resolve("audits"));
    Files.writeString(landing.resolve("structures.csv"), "structure_id\n");
    Files.writeString(landing.resolve("sites.csv"), "site_id\n");
    Files.writeString(landing.resolve("audits/a.jsonl"), "");
    Files.writeString(landing.resolve("edition.json"), "{\"edition\": 2017,");
    CliRun r =
        CliRun.of(
            "run", "--landing", landing.toString(), "--warehouse", tmp.resolve("w").toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().startsWith("barometer: Cannot read ")
            && r.err().contains("edition.json: not valid JSON"),
        r.err());
    assertEquals(1, r.err().lines().count(), "no stack trace without --verbose");
  }

  @Test
  void aFileThatIsNotWhatItsNameSays() throws Exception {
    Path landing = tmp.resolve("landing");
    Files.createDirectories(landing.resolve("audits"));
    Files.writeString(landing.resolve("structures.csv"), "site_id,structure_id,name\nX,Y,Z\n");
    Files.writeString(landing.resolve("sites.csv"), "site_id\n");
    Files.writeString(landing.resolve("audits/a.jsonl"), "{}\n");
    CliRun r =
        CliRun.of(
            "run", "--landing", landing.toString(), "--warehouse", tmp.resolve("w").toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().startsWith("barometer: Cannot read structures.csv: its header lacks the columns"),
        r.err());
  }

  @Test
  void scoringAnEditionNeverIngested() {
    CliRun r =
        CliRun.of("score", "--edition", "2017", "--warehouse", tmp.resolve("empty").toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().contains("holds no ingested edition; run 'barometer run --landing DIR' first"),
        r.err());
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun r = CliRun.of("frobnicate");
    assertEquals(2, r.code());
  }
}
