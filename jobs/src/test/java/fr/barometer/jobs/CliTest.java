package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

  /** Runs the CLI, returning exit code, stdout and stderr. */
  private static Result cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = BarometerCli.execute(args);
      return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  record Result(int code, String out, String err) {}

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("generate", "run", "score", "publish", "history", "rollback", "sql", "export", "ddl")) {
      Result r = cli(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().contains("Usage: barometer " + command), r.out());
    }
  }

  @Test
  void missingLandingFolderIsOneLine() {
    Result r = cli("run", "--landing", tmp.resolve("nowhere").toString(), "--warehouse", tmp.resolve("w").toString());
    assertEquals(1, r.code());
    assertEquals("barometer: Cannot read " + tmp.resolve("nowhere") + ": no such landing folder\n", r.err());
  }

  @Test
  void missingRequiredFileIsNamed() throws Exception {
    Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(tmp.resolve("landing/sites.csv"), "site_id\n");
    Result r = cli("run", "--landing", tmp.resolve("landing").toString(), "--warehouse", tmp.resolve("w").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().matches("barometer: Cannot read \\S*landing/structures.csv: required file missing from the landing folder\n"),
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
    Result r = cli("run", "--landing", landing.toString(), "--warehouse", tmp.resolve("w").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("barometer: Cannot read ") && r.err().contains("edition.json: not valid JSON"),
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
    Result r = cli("run", "--landing", landing.toString(), "--warehouse", tmp.resolve("w").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("barometer: Cannot read structures.csv: its header lacks the columns"), r.err());
  }

  @Test
  void scoringAnEditionNeverIngested() {
    Result r = cli("score", "--edition", "2017", "--warehouse", tmp.resolve("empty").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("holds no ingested edition; run 'barometer run --landing DIR' first"), r.err());
  }

  @Test
  void unknownCommandIsAUsageError() {
    Result r = cli("frobnicate");
    assertEquals(2, r.code());
  }
}
