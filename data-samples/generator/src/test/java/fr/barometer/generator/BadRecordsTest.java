package fr.barometer.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad record the loaders must quarantine is in the generated files, found by reading
 * them, at a low rate; and the records that must be deduplicated are there too.
 */
class BadRecordsTest {
  private static final Set<String> CHANNELS =
      Set.of("EMAIL", "PHONE", "VOICEMAIL", "LETTER", "WEB", "VISIT");
  private static final Set<String> CATEGORIES =
      Set.of(
          "ADMINISTRATION",
          "HEALTH_SOCIAL_SECURITY",
          "SOCIAL",
          "SOCIAL_HOUSING",
          "SECURITY",
          "POSTAL",
          "CULTURE_SPORT",
          "EMPLOYMENT",
          "UTILITIES",
          "TRANSPORT",
          "EDUCATION",
          "CONSULAR");
  private static final List<String> REQUIRED =
      List.of(
          "audit_id",
          "edition",
          "structure_id",
          "site_id",
          "channel",
          "scenario_id",
          "contacted_at",
          "recorded_at",
          "answers");

  static Path landing;
  static List<String> lines;
  static List<JsonNode> audits = new ArrayList<>();
  static Map<String, CSVRecord> structures = new TreeMap<>();
  static Map<String, CSVRecord> sites = new TreeMap<>();
  static Map<String, JsonNode> items = new TreeMap<>();
  static Map<String, String> scenarioScope = new TreeMap<>();
  static JsonNode windows;
  static List<CSVRecord> survey = new ArrayList<>();

  @BeforeAll
  static void read() throws IOException {
    landing = GeneratedLandings.standard().folder();
    lines = LandingReader.auditLines(landing);
    for (String line : lines) {
      JsonNode a = LandingReader.parseOrNull(line);
      if (a != null) {
        audits.add(a);
      }
    }
    for (CSVRecord r : LandingReader.csv(landing.resolve("structures.csv"))) {
      structures.putIfAbsent(r.get("structure_id"), r);
    }
    for (CSVRecord r : LandingReader.csv(landing.resolve("sites.csv"))) {
      sites.putIfAbsent(r.get("site_id"), r);
    }
    JsonNode grid = LandingReader.JSON.readTree(landing.resolve("referential.json").toFile());
    grid.get("items").forEach(i -> items.put(i.get("id").asText(), i));
    grid.get("scenarios")
        .forEach(s -> scenarioScope.put(s.get("id").asText(), s.get("scope").asText()));
    windows = LandingReader.JSON.readTree(landing.resolve("edition.json").toFile()).get("windows");
    for (Path f : LandingReader.files(landing.resolve("survey"), ".csv")) {
      survey.addAll(LandingReader.survey(f));
    }
  }

  private static boolean complete(JsonNode a) {
    return REQUIRED.stream().allMatch(a::hasNonNull);
  }

  private static long audits(java.util.function.Predicate<JsonNode> bad) {
    return audits.stream().filter(BadRecordsTest::complete).filter(bad).count();
  }

  private static void present(String kind, long count) {
    assertTrue(count >= 1, "no audit record of kind " + kind);
  }

  @Test
  void truncatedLinesAndMissingFields() {
    present("truncated JSON", lines.size() - audits.size());
    present("missing field", audits.stream().filter(a -> !complete(a)).count());
  }

  @Test
  void malformedRecords() {
    present("other edition", audits(a -> a.get("edition").asInt() != 2017));
    present(
        "answered before contacted",
        audits(
            a ->
                a.hasNonNull("answered_at")
                    && OffsetDateTime.parse(a.get("answered_at").asText())
                        .isBefore(OffsetDateTime.parse(a.get("contacted_at").asText()))));
    present("unknown channel", audits(a -> !CHANNELS.contains(a.get("channel").asText())));
  }

  @Test
  void unknownReferences() {
    present(
        "unknown structure", audits(a -> !structures.containsKey(a.get("structure_id").asText())));
    present(
        "unknown site",
        audits(
            a ->
                structures.containsKey(a.get("structure_id").asText())
                    && !sites.containsKey(a.get("site_id").asText())));
    present(
        "site of another structure",
        audits(
            a ->
                sites.containsKey(a.get("site_id").asText())
                    && !sites
                        .get(a.get("site_id").asText())
                        .get("structure_id")
                        .equals(a.get("structure_id").asText())));
    present(
        "unknown scenario", audits(a -> !scenarioScope.containsKey(a.get("scenario_id").asText())));
    present(
        "scenario of another category",
        audits(
            a -> {
              String scope = scenarioScope.get(a.get("scenario_id").asText());
              CSVRecord s = structures.get(a.get("structure_id").asText());
              return scope != null
                  && s != null
                  && !scope.equals("COMMON")
                  && !scope.equals(s.get("category"));
            }));
  }

  @Test
  void badAnswers() {
    present(
        "unknown item",
        audits(
            a -> answers(a).stream().anyMatch(x -> !items.containsKey(x.get("item_id").asText()))));
    present(
        "item of another channel",
        audits(
            a ->
                answers(a).stream()
                    .anyMatch(
                        x -> {
                          JsonNode item = items.get(x.get("item_id").asText());
                          return item != null
                              && !item.get("channel").asText().equals(a.get("channel").asText());
                        })));
    present("invalid value", audits(a -> answers(a).stream().anyMatch(BadRecordsTest::invalid)));
    present(
        "item answered twice",
        audits(
            a -> {
              Set<String> seen = new HashSet<>();
              return answers(a).stream().anyMatch(x -> !seen.add(x.get("item_id").asText()));
            }));
  }

  @Test
  void auditsOutsideTheirWindowOrPerimeter() {
    present(
        "outside window",
        audits(
            a -> {
              JsonNode w = windows.get(a.get("channel").asText());
              LocalDate day = OffsetDateTime.parse(a.get("contacted_at").asText()).toLocalDate();
              return w != null
                  && a.get("edition").asInt() == 2017
                  && (day.isBefore(LocalDate.parse(w.get(0).asText()))
                      || day.isAfter(LocalDate.parse(w.get(1).asText())));
            }));
    present(
        "structure not accepted",
        audits(
            a -> {
              CSVRecord s = structures.get(a.get("structure_id").asText());
              return s != null && !s.get("application_status").equals("ACCEPTED");
            }));
    present(
        "visit not ordered",
        audits(
            a -> {
              CSVRecord site = sites.get(a.get("site_id").asText());
              return a.get("channel").asText().equals("VISIT")
                  && site != null
                  && site.get("mystery_visit").equals("false");
            }));
  }

  @Test
  void duplicatesCorrectionsAndCopies() {
    Map<String, Set<String>> byIdAndRecorded = new HashMap<>();
    Map<String, Set<String>> recordedById = new HashMap<>();
    Map<String, Integer> lineCounts = new HashMap<>();
    for (String line : lines) {
      lineCounts.merge(line, 1, Integer::sum);
      JsonNode a = LandingReader.parseOrNull(line);
      if (a == null || !a.has("audit_id") || !a.has("recorded_at")) {
        continue;
      }
      String id = a.get("audit_id").asText();
      byIdAndRecorded
          .computeIfAbsent(id + "|" + a.get("recorded_at").asText(), k -> new HashSet<>())
          .add(line);
      recordedById.computeIfAbsent(id, k -> new HashSet<>()).add(a.get("recorded_at").asText());
    }
    present(
        "conflicting duplicate",
        byIdAndRecorded.values().stream().filter(v -> v.size() > 1).count());
    present("correction", recordedById.values().stream().filter(v -> v.size() > 1).count());
    present("identical copy", lineCounts.values().stream().filter(n -> n > 1).count());
  }

  @Test
  void badAuditsAreRare() {
    long bad = lines.size() - audits.size();
    for (JsonNode a : audits) {
      if (!complete(a)
          || a.get("edition").asInt() != 2017
          || !CHANNELS.contains(a.get("channel").asText())
          || !structures.containsKey(a.get("structure_id").asText())
          || !sites.containsKey(a.get("site_id").asText())
          || !scenarioScope.containsKey(a.get("scenario_id").asText())
          || answers(a).stream()
              .anyMatch(x -> !items.containsKey(x.get("item_id").asText()) || invalid(x))) {
        bad++;
      }
    }
    double share = (double) bad / lines.size();
    assertTrue(share > 0.002 && share < 0.02, "share of bad audit lines: " + share);
  }

  @Test
  void registryMistakes() throws IOException {
    Map<String, Long> communes = LandingReader.communePopulations();
    List<CSVRecord> rows = LandingReader.csv(landing.resolve("structures.csv"));
    assertTrue(
        rows.stream().anyMatch(r -> !CATEGORIES.contains(r.get("category"))), "unknown category");
    assertTrue(
        rows.stream().anyMatch(r -> !communes.containsKey(r.get("insee_code"))), "not a commune");
    Map<String, Set<String>> versions = new HashMap<>();
    rows.forEach(
        r ->
            versions
                .computeIfAbsent(r.get("structure_id"), k -> new HashSet<>())
                .add(r.toMap().toString()));
    assertTrue(
        versions.values().stream().anyMatch(v -> v.size() > 1),
        "duplicate structure_id, other content");

    List<CSVRecord> siteRows = LandingReader.csv(landing.resolve("sites.csv"));
    assertTrue(
        siteRows.stream().anyMatch(r -> !structures.containsKey(r.get("structure_id"))),
        "site of unknown structure");
    Map<String, Integer> mains = new HashMap<>();
    siteRows.stream()
        .filter(r -> r.get("is_main").equals("true"))
        .forEach(r -> mains.merge(r.get("structure_id"), 1, Integer::sum));
    assertTrue(mains.values().stream().anyMatch(n -> n > 1), "two main sites");
    assertTrue(
        LandingReader.csv(landing.resolve("orders.csv")).stream()
            .anyMatch(r -> !structures.containsKey(r.get("structure_id"))),
        "order of unknown structure");
  }

  @Test
  void surveyRowsToQuarantine() {
    assertTrue(
        survey.stream().anyMatch(r -> !readableDate(r.get("submitted_at"))), "unreadable date");
    assertTrue(
        survey.stream()
            .anyMatch(r -> !Set.of("<1M", "1-3M", ">3M").contains(r.get("last_contact"))),
        "unknown last_contact");
    assertTrue(
        survey.stream().anyMatch(r -> !CATEGORIES.contains(r.get("category"))), "unknown category");
    assertTrue(
        survey.stream().anyMatch(r -> !CHANNELS.contains(r.get("channel_used"))),
        "unknown channel");
    assertTrue(
        survey.stream()
            .anyMatch(
                r ->
                    List.of(
                                "q_access",
                                "q_reception",
                                "q_information",
                                "q_delay",
                                "q_courtesy",
                                "q_overall")
                            .stream()
                            .anyMatch(q -> !r.get(q).matches("|[1-4]"))
                        || !r.get("recommend").matches("|[0-9]|10")),
        "answer out of range");
  }

  @Test
  void surveyDuplicates() {
    Map<String, List<CSVRecord>> byId = new HashMap<>();
    survey.forEach(r -> byId.computeIfAbsent(r.get("response_id"), k -> new ArrayList<>()).add(r));
    assertTrue(
        byId.values().stream()
            .anyMatch(v -> v.size() > 1 && v.get(0).toMap().equals(v.get(1).toMap())),
        "identical copy");
    assertTrue(
        byId.values().stream()
            .anyMatch(
                v ->
                    v.size() > 1
                        && !v.get(0).get("submitted_at").equals(v.get(1).get("submitted_at"))),
        "resubmitted later");
  }

  @Test
  void surveyShapes() {
    double older = share(r -> r.get("last_contact").equals(">3M"));
    assertTrue(older > 0.07 && older < 0.13, ">3M share " + older);
    assertTrue(
        share(r -> r.get("structure_id").isEmpty()) > 0.03, "responses naming only a commune");
    assertTrue(
        survey.stream()
            .anyMatch(
                r -> {
                  CSVRecord s = structures.get(r.get("structure_id"));
                  return s != null && !s.get("application_status").equals("ACCEPTED");
                }),
        "responses about non-participants");
    double emptyAccess = share(r -> r.get("q_access").isEmpty());
    assertTrue(emptyAccess > 0.03 && emptyAccess < 0.08, "empty q_access " + emptyAccess);
    assertTrue(share(r -> r.get("recommend").isEmpty()) > 0.05, "empty recommend");
    double french = share(r -> r.get("submitted_at").matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"));
    assertTrue(french > 0.05 && french < 0.25, "dd/MM/yyyy dates " + french);
  }

  @Test
  void surveyFreeTextIsMessy() throws IOException {
    byte[] first =
        Files.readAllBytes(LandingReader.files(landing.resolve("survey"), ".csv").get(0));
    assertTrue(
        (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF, "BOM");
    List<String> comments =
        survey.stream().map(r -> r.get("comment")).filter(c -> !c.isEmpty()).toList();
    assertTrue(comments.stream().anyMatch(c -> c.contains(";")), "semicolon");
    assertTrue(comments.stream().anyMatch(c -> c.contains("\"")), "quotes");
    assertTrue(comments.stream().anyMatch(c -> c.contains("\n")), "line break");
    assertTrue(
        comments.stream().anyMatch(c -> c.matches("(?s).*[a-z.]+@example\\.(fr|com|org).*")),
        "e-mail");
    assertTrue(
        comments.stream().anyMatch(c -> c.matches("(?s).*0\\d( \\d\\d){4}.*")), "06 12 34 56 78");
    assertTrue(
        comments.stream().anyMatch(c -> c.matches("(?s).*\\+33 \\d( \\d\\d){4}.*")),
        "+33 6 12 34 56 78");
    assertTrue(
        comments.stream().anyMatch(c -> c.matches("(?s).*0\\d(\\.\\d\\d){4}.*")), "06.12.34.56.78");
  }

  private static double share(java.util.function.Predicate<CSVRecord> p) {
    return (double) survey.stream().filter(p).count() / survey.size();
  }

  private static boolean readableDate(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(text, DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm"));
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  private static List<JsonNode> answers(JsonNode a) {
    List<JsonNode> out = new ArrayList<>();
    a.get("answers").forEach(out::add);
    return out;
  }

  private static boolean invalid(JsonNode answer) {
    JsonNode item = items.get(answer.get("item_id").asText());
    if (item == null) {
      return false;
    }
    JsonNode value = answer.get("value");
    String text = value.asText().trim().toUpperCase(Locale.ROOT);
    if (text.equals("NA")) {
      return false;
    }
    return switch (item.get("type").asText()) {
      case "BOOLEAN" -> !text.equals("YES") && !text.equals("NO");
      case "SCALE" -> !text.matches("[1-4]");
      default -> !text.matches("\\d+(\\.\\d+)?");
    };
  }
}
