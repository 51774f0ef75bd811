package fr.barometer.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.domain.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingGeneratorTest {
  private static final List<String> CHANNELS =
      List.of("EMAIL", "PHONE", "VOICEMAIL", "LETTER", "WEB", "VISIT");
  private static final GeneratorOptions SMALL = new GeneratorOptions(40, 7L, 2017, null);

  @TempDir Path temp;

  @Test
  void sameOptionsGiveByteIdenticalFiles() throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    LandingGenerator.generate(first, SMALL);
    LandingGenerator.generate(second, SMALL);
    Map<String, byte[]> a = contents(first);
    Map<String, byte[]> b = contents(second);
    assertEquals(a.keySet(), b.keySet());
    for (String file : a.keySet()) {
      assertArrayEquals(a.get(file), b.get(file), file);
    }
  }

  @Test
  void anotherSeedGivesOtherFiles() throws IOException {
    Path first = temp.resolve("first");
    Path other = temp.resolve("other");
    LandingGenerator.generate(first, SMALL);
    LandingGenerator.generate(other, new GeneratorOptions(40, 8L, 2017, null));
    Map<String, byte[]> a = contents(first);
    Map<String, byte[]> b = contents(other);
    for (String file :
        List.of("structures.csv", "sites.csv", "audits/email.jsonl", "survey/export-1.csv")) {
      assertFalse(java.util.Arrays.equals(a.get(file), b.get(file)), file);
    }
  }

  @Test
  void writesEveryInputOfALandingFolderAndNoReferenceData() throws IOException {
    Path landing = GeneratedLandings.standard().folder();
    for (String file :
        List.of("edition.json", "referential.json", "structures.csv", "sites.csv", "orders.csv")) {
      assertTrue(Files.isRegularFile(landing.resolve(file)), file);
    }
    assertTrue(LandingReader.files(landing.resolve("audits"), ".jsonl").size() >= 2);
    assertTrue(LandingReader.files(landing.resolve("survey"), ".csv").size() >= 2);
    assertFalse(Files.exists(landing.resolve("reference")));
  }

  @Test
  void csvHeadersAreTheSpecsColumnsInOrder() throws IOException {
    Path landing = GeneratedLandings.standard().folder();
    assertEquals(
        List.of(
            "structure_id",
            "name",
            "category",
            "subtype",
            "insee_code",
            "epci_siren",
            "application_status",
            "plan",
            "contact_email"),
        LandingReader.header(landing.resolve("structures.csv"), ','));
    assertEquals(
        List.of("site_id", "structure_id", "name", "insee_code", "is_main", "mystery_visit"),
        LandingReader.header(landing.resolve("sites.csv"), ','));
    assertEquals(
        List.of("structure_id", "restitution", "professional_audit"),
        LandingReader.header(landing.resolve("orders.csv"), ','));
    for (Path survey : LandingReader.files(landing.resolve("survey"), ".csv")) {
      assertEquals(
          List.of(
              "response_id",
              "submitted_at",
              "structure_id",
              "insee_code",
              "category",
              "last_contact",
              "channel_used",
              "q_access",
              "q_reception",
              "q_information",
              "q_delay",
              "q_courtesy",
              "q_overall",
              "recommend",
              "comment"),
          LandingReader.header(survey, ';'),
          survey.toString());
    }
  }

  @Test
  void everyAuditLineParsesExceptTheDeliberatelyTruncatedOnes() throws IOException {
    GeneratedLandings.Generated g = GeneratedLandings.standard();
    List<String> lines = LandingReader.auditLines(g.folder());
    long broken = lines.stream().filter(l -> LandingReader.parseOrNull(l) == null).count();
    assertEquals(g.summary().deliberateRecords().get("audits:truncated_line"), broken);
    assertEquals(g.summary().auditLines(), lines.size());
  }

  @Test
  void auditsCarryTheSpecsFieldsAndParisTimestamps() throws IOException {
    List<String> fields =
        List.of(
            "audit_id",
            "edition",
            "structure_id",
            "site_id",
            "channel",
            "scenario_id",
            "auditor_id",
            "contacted_at",
            "answered_at",
            "recorded_at",
            "answers",
            "comment");
    String timestamp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00";
    int checked = 0;
    for (Path file :
        LandingReader.files(GeneratedLandings.standard().folder().resolve("audits"), ".jsonl")) {
      for (String line : Files.readAllLines(file)) {
        JsonNode a = LandingReader.parseOrNull(line);
        if (a == null
            || !a.has("site_id")
            || !a.has("channel")
            || !a.has("contacted_at")
            || !a.has("structure_id")) {
          continue;
        }
        List<String> names = new ArrayList<>();
        a.fieldNames().forEachRemaining(names::add);
        assertEquals(fields, names, line);
        assertTrue(a.get("contacted_at").asText().matches(timestamp), line);
        assertTrue(a.get("recorded_at").asText().matches(timestamp), line);
        assertTrue(
            a.get("answered_at").isNull() || a.get("answered_at").asText().matches(timestamp),
            line);
        OffsetDateTime recorded = OffsetDateTime.parse(a.get("recorded_at").asText());
        assertTrue(!recorded.isBefore(OffsetDateTime.parse(a.get("contacted_at").asText())), line);
        checked++;
      }
    }
    assertTrue(checked > 5000, "audits checked: " + checked);
  }

  @Test
  void goodAuditsFallOnWorkingDaysOfTheirChannelsWindow() throws IOException {
    Path landing = GeneratedLandings.standard().folder();
    EditionConfig edition = EditionConfig.load(landing.resolve("edition.json"));
    long inside = 0;
    long total = 0;
    for (String line : LandingReader.auditLines(landing)) {
      JsonNode a = LandingReader.parseOrNull(line);
      if (a == null
          || !a.has("contacted_at")
          || !CHANNELS.contains(a.path("channel").asText())
          || a.get("edition").asInt() != 2017) {
        continue;
      }
      Channel channel = Channel.valueOf(a.get("channel").asText());
      LocalDate day = OffsetDateTime.parse(a.get("contacted_at").asText()).toLocalDate();
      total++;
      if (edition.window(channel).contains(day) && FrenchCalendar.isWorkingDay(day)) {
        inside++;
      }
    }
    assertTrue(inside >= total * 0.99, inside + " of " + total);
  }

  @Test
  void editionAndGridAreTheShippedDefaults() throws IOException {
    Path landing = GeneratedLandings.standard().folder();
    assertArrayEquals(
        resource("/fr/barometer/defaults/edition.json"),
        Files.readAllBytes(landing.resolve("edition.json")));
    assertArrayEquals(
        resource("/fr/barometer/defaults/referential.json"),
        Files.readAllBytes(landing.resolve("referential.json")));
    assertEquals(Referential.defaults(), Referential.load(landing.resolve("referential.json")));
  }

  @Test
  void anotherEditionMovesEveryDateToItsYear() throws IOException {
    Path landing = temp.resolve("2019");
    GenerationSummary summary =
        LandingGenerator.generate(landing, new GeneratorOptions(20, 1L, 2019, 100));
    EditionConfig shipped = EditionConfig.defaults();
    EditionConfig shifted = EditionConfig.load(landing.resolve("edition.json"));
    assertEquals(2019, shifted.edition());
    assertEquals(shipped.registrationClose().withYear(2019), shifted.registrationClose());
    for (Channel c : Channel.values()) {
      assertEquals(shipped.window(c).first().withYear(2019), shifted.window(c).first());
      assertEquals(shipped.window(c).last().withYear(2019), shifted.window(c).last());
    }
    assertEquals(shipped.quotas(), shifted.quotas());
    assertEquals(shipped.prices(), shifted.prices());
    String firstAudit = Files.readAllLines(landing.resolve("audits/phone.jsonl")).get(0);
    assertTrue(firstAudit.startsWith("{\"audit_id\":\"A19-"), firstAudit);
    assertTrue(firstAudit.contains("\"edition\":2019"), firstAudit);
    assertEquals(
        100,
        summary.surveyRows()
            - summary.deliberateRecords().getOrDefault("survey:resubmitted", 0L)
            - summary.deliberateRecords().getOrDefault("survey:identical_copy", 0L));
  }

  @Test
  void summaryCountsWhatIsInTheFiles() throws IOException {
    GeneratedLandings.Generated g = GeneratedLandings.standard();
    GenerationSummary s = g.summary();
    assertEquals(300, s.structures());
    assertEquals(
        LandingReader.csv(g.folder().resolve("structures.csv")).size(),
        s.rowsPerFile().get("structures.csv").intValue());
    assertEquals(
        LandingReader.csv(g.folder().resolve("sites.csv")).size(),
        s.rowsPerFile().get("sites.csv").intValue());
    long surveyRows = 0;
    for (Path f : LandingReader.files(g.folder().resolve("survey"), ".csv")) {
      surveyRows += LandingReader.survey(f).size();
    }
    assertEquals(surveyRows, s.surveyRows());
    assertEquals(s.rowsPerFile().size() + 2, s.files());
    assertTrue(s.describe().contains("audits/email.jsonl"));
  }

  @Test
  void smallestRunsStillWork() throws IOException {
    GenerationSummary one =
        LandingGenerator.generate(temp.resolve("one"), new GeneratorOptions(1, 3L, 2017, 0));
    assertEquals(1, one.structures());
    assertEquals(0, LandingReader.survey(temp.resolve("one/survey/export-1.csv")).size());
  }

  @Test
  void regeneratesIntoItsOwnFolderButRefusesAForeignOne() throws IOException {
    Path landing = temp.resolve("again");
    LandingGenerator.generate(landing, new GeneratorOptions(20, 1L, 2017, 50));
    Map<String, byte[]> before = contents(landing);
    LandingGenerator.generate(landing, new GeneratorOptions(20, 1L, 2017, 50));
    assertEquals(before.keySet(), contents(landing).keySet());

    Files.writeString(landing.resolve("notes.txt"), "keep me");
    BarometerException e =
        assertThrows(
            BarometerException.class,
            () -> LandingGenerator.generate(landing, new GeneratorOptions(20, 1L, 2017, 50)));
    assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
    assertTrue(Files.exists(landing.resolve("structures.csv")));
  }

  @Test
  void optionsAreChecked() {
    assertThrows(BarometerException.class, () -> new GeneratorOptions(0, 1L, 2017, null));
    assertThrows(BarometerException.class, () -> new GeneratorOptions(10, 1L, 17, null));
    assertThrows(BarometerException.class, () -> new GeneratorOptions(10, 1L, 2017, -1));
  }

  @Test
  void registryRowsLieOnRealCommunes() throws IOException {
    Path landing = GeneratedLandings.standard().folder();
    Map<String, Long> communes = LandingReader.communePopulations();
    List<CSVRecord> structures = LandingReader.csv(landing.resolve("structures.csv"));
    long unknown =
        structures.stream().filter(r -> !communes.containsKey(r.get("insee_code"))).count();
    assertEquals(1, unknown, "only the deliberate not-a-commune row");
    assertNotNull(communes.get("75056"));
  }

  private static Map<String, byte[]> contents(Path folder) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.put(folder.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return out;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = LandingGeneratorTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
