package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
            .contains(
                "then score, survey, publish, compare with the earlier editions in the warehouse"
                    + " and write the report datasets"));
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
    List<String> command =
        CliRun.inChildJvm(
            List.of(),
            "run",
            "--landing",
            tmp.resolve("nowhere").toString(),
            "--warehouse",
            tmp.resolve("w").toString());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes());
    assertEquals(1, child.waitFor());
    assertEquals(
        "barometer: Cannot read "
            + tmp.resolve("nowhere")
            + ": no such landing folder; check the path given to --landing\n",
        output);
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
        "barometer: Cannot read "
            + tmp.resolve("nowhere")
            + ": no such landing folder; check the path given to --landing\n",
        r.err());
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
    assertEquals(
        "barometer: Cannot read "
            + tmp.resolve("landing").resolve("structures.csv")
            + ": required file missing from the landing folder; add it (docs/landing.md lists the"
            + " files)\n",
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
        r.err()
            .startsWith(
                "barometer: Cannot read "
                    + landing.resolve("structures.csv")
                    + ": its header lacks the columns"),
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

  /**
   * Every refusal at the door leaves the warehouse exactly as it was: a folder that holds tables
   * keeps every byte, and a folder that did not exist is not created.
   */
  @Test
  void aRefusedRunLeavesTheWarehouseUntouched() throws Exception {
    Path warehouse = tmp.resolve("warehouse");
    Files.createDirectories(warehouse.resolve("structures/_delta_log"));
    Files.writeString(warehouse.resolve("structures/_delta_log/00000000000000000000.json"), "{}\n");
    Map<String, String> before = contents(warehouse);
    Path fixture = Path.of(CliRun.resource("/IngestJobTest/landing"));

    Path mismatch = Folders.copy(fixture, tmp.resolve("mismatch"));
    assertRefused(mismatch, warehouse, "--edition", "2016");

    Path header = Folders.copy(fixture, tmp.resolve("header"));
    Files.writeString(header.resolve("sites.csv"), "identifiant;nom\nS1;Mairie\n");
    assertTrue(
        assertRefused(header, warehouse).contains("sites.csv: its header lacks the columns"));

    Path binary = Folders.copy(fixture, tmp.resolve("binary"));
    Files.write(binary.resolve("structures.csv"), new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0x1B});
    String message = assertRefused(binary, warehouse);
    assertEquals(
        "barometer: Cannot read "
            + binary.resolve("structures.csv")
            + ": it is a binary file, not UTF-8 text (a NUL byte at offset 4; it begins 50 4B 03"
            + " 04 00 00 1B); save it as UTF-8 text, or put the right file in its place\n",
        message);

    Path settings = Folders.copy(fixture, tmp.resolve("settings"));
    Files.writeString(settings.resolve("edition.json"), "{\"edition\": 2017,");
    assertRefused(settings, warehouse);

    assertEquals(before, contents(warehouse), "the warehouse keeps every byte");
    Path none = tmp.resolve("never-created");
    assertRefused(binary, none);
    assertFalse(Files.exists(none), "a refused run creates no warehouse folder");
  }

  /** Two landing folders of one edition are refused before anything is written. */
  @Test
  void twoLandingFoldersOfOneEditionAreRefused() {
    String fixture = CliRun.resource("/IngestJobTest/landing");
    Path copy = Folders.copy(Path.of(fixture), tmp.resolve("same-edition"));
    Path warehouse = tmp.resolve("two-landings");
    CliRun r =
        CliRun.of(
            "run", "--landing", fixture, copy.toString(), "--warehouse", warehouse.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(
        "barometer: Cannot run "
            + copy
            + ": "
            + fixture
            + " holds edition 2017 too; give one landing folder per edition\n",
        r.err());
    assertFalse(Files.exists(warehouse));
    CliRun usage =
        CliRun.of(
            "run",
            "--landing",
            fixture,
            copy.toString(),
            "--edition",
            "2017",
            "--warehouse",
            warehouse.toString());
    assertEquals(2, usage.code(), usage.out() + usage.err());
  }

  /** A header in Latin-1 that lacks the columns says so, and names the encoding it guessed. */
  @Test
  void aFileInAnotherEncodingSaysSo() throws Exception {
    Path landing =
        Folders.copy(Path.of(CliRun.resource("/IngestJobTest/landing")), tmp.resolve("l1"));
    Files.write(
        landing.resolve("sites.csv"),
        "identifiant;désignation\nS1;Mairie\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    String message = assertRefused(landing, tmp.resolve("w1"));
    assertTrue(message.contains("it begins identifiant;d"), message);
    assertTrue(
        message.contains("not UTF-8 text (it reads as Windows-1252 / Latin-1 text)"), message);
    assertEquals(1, message.lines().count(), message);
  }

  /** Runs the landing folder into the warehouse, expects a one-line refusal and returns it. */
  private static String assertRefused(Path landing, Path warehouse, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", "--landing", landing.toString(), "--warehouse", warehouse.toString()));
    args.addAll(List.of(more));
    CliRun r = CliRun.of(args.toArray(new String[0]));
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("barometer: Cannot "), r.err());
    return r.err();
  }

  /** Every file of a folder by its relative path, with its bytes' SHA-256. */
  private static Map<String, String> contents(Path folder) throws Exception {
    Map<String, String> files = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        byte[] digest =
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        files.put(folder.relativize(f).toString(), java.util.HexFormat.of().formatHex(digest));
      }
    }
    return files;
  }
}
