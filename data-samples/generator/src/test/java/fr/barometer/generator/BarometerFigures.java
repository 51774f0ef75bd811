package fr.barometer.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;

/**
 * The barometer's headline figures computed from a landing folder with the spec's scoring rules,
 * simplified: enough to check that the generator is calibrated, written without the generator's
 * classes. Holidays are ignored in working-day counts (none falls in the 2017 windows).
 */
final class BarometerFigures {
  /** Grid weights, types and thresholds of the default referential.json, read from the file. */
  private record Item(
      String id,
      String channel,
      String step,
      String type,
      String unit,
      double fullAt,
      double zeroAfter,
      double weight) {}

  private static final Set<String> SILENT_CHANNELS = Set.of("EMAIL", "LETTER", "VOICEMAIL");
  private static final List<String> REMOTE =
      List.of("EMAIL", "PHONE", "VOICEMAIL", "LETTER", "WEB");

  final List<Double> structureScores = new ArrayList<>();
  int phoneCalls;
  int callsWithin5Rings;
  int letters;
  int lettersWithin7Days;
  int voicemails;
  int answeringMachines;
  int surveyAnswers;
  int satisfiedAnswers;

  static BarometerFigures of(Path landing) throws IOException {
    BarometerFigures f = new BarometerFigures();
    f.compute(landing);
    return f;
  }

  double meanScore() {
    return structureScores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  double sdScore() {
    double mean = meanScore();
    return Math.sqrt(
        structureScores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum()
            / (structureScores.size() - 1));
  }

  double percentile(double p) {
    List<Double> sorted = new ArrayList<>(structureScores);
    Collections.sort(sorted);
    double pos = p * (sorted.size() - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
  }

  double within5Rings() {
    return (double) callsWithin5Rings / phoneCalls;
  }

  double lettersWithinAWeek() {
    return (double) lettersWithin7Days / letters;
  }

  double answeringMachineShare() {
    return (double) answeringMachines / voicemails;
  }

  double satisfaction() {
    return (double) satisfiedAnswers / surveyAnswers;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "structures=%d mean=%.1f sd=%.1f p10=%.1f p90=%.1f rings<=5=%.3f letters<=7d=%.3f"
            + " machine=%.3f satisfaction=%.3f",
        structureScores.size(),
        meanScore(),
        sdScore(),
        percentile(0.1),
        percentile(0.9),
        within5Rings(),
        lettersWithinAWeek(),
        answeringMachineShare(),
        satisfaction());
  }

  private void compute(Path landing) throws IOException {
    Map<String, Item> grid = grid(landing);
    JsonNode edition = LandingReader.JSON.readTree(landing.resolve("edition.json").toFile());
    int year = edition.get("edition").asInt();
    Map<String, CSVRecord> structures = uniqueStructures(landing);
    Map<String, CSVRecord> sites = new TreeMap<>();
    for (CSVRecord r : LandingReader.csv(landing.resolve("sites.csv"))) {
      sites.put(r.get("site_id"), r);
    }
    Map<String, JsonNode> audits = latestValidAudits(landing, year, edition, structures, sites);

    // Pooled points per main site and channel: [sum w*p, sum w].
    Map<String, Map<String, double[]>> bySite = new TreeMap<>();
    for (JsonNode a : audits.values()) {
      String channel = a.get("channel").asText();
      countHeadlines(a, channel);
      CSVRecord site = sites.get(a.get("site_id").asText());
      if (!Boolean.parseBoolean(site.get("is_main"))
          || !eligible(structures.get(a.get("structure_id").asText()))) {
        continue;
      }
      double[] acc =
          bySite
              .computeIfAbsent(site.get("site_id"), k -> new TreeMap<>())
              .computeIfAbsent(channel, k -> new double[2]);
      score(a, channel, grid, acc);
    }
    for (Map<String, double[]> channels : bySite.values()) {
      double sum = 0;
      int n = 0;
      for (String c : REMOTE) {
        double[] acc = channels.get(c);
        if (acc != null && acc[1] > 0) {
          sum += 100 * acc[0] / acc[1];
          n++;
        }
      }
      if (n > 0) {
        structureScores.add(sum / n);
      }
    }
    countSurvey(landing);
  }

  private Map<String, Long> populations;
  private Map<String, Long> epciPopulations;

  private boolean eligible(CSVRecord structure) throws IOException {
    if (populations == null) {
      populations = LandingReader.communePopulations();
      epciPopulations = LandingReader.epciPopulations();
    }
    if (structure.get("subtype").equals("INTERCOMMUNALITE")) {
      return epciPopulations.getOrDefault(structure.get("epci_siren"), 0L) >= 5000;
    }
    Long p = populations.get(structure.get("insee_code"));
    return p != null && p >= 3500;
  }

  private static Map<String, Item> grid(Path landing) throws IOException {
    Map<String, Item> items = new TreeMap<>();
    for (JsonNode i :
        LandingReader.JSON.readTree(landing.resolve("referential.json").toFile()).get("items")) {
      items.put(
          i.get("id").asText(),
          new Item(
              i.get("id").asText(),
              i.get("channel").asText(),
              i.get("step").asText(),
              i.get("type").asText(),
              i.path("unit").asText(null),
              i.path("full_at").asDouble(),
              i.path("zero_after").asDouble(),
              i.get("weight").asDouble()));
    }
    return items;
  }

  /** Structures with a known category and commune, whose id appears once. */
  private static Map<String, CSVRecord> uniqueStructures(Path landing) throws IOException {
    Map<String, Long> communes = LandingReader.communePopulations();
    Map<String, CSVRecord> out = new TreeMap<>();
    Set<String> duplicated = new HashSet<>();
    for (CSVRecord r : LandingReader.csv(landing.resolve("structures.csv"))) {
      if (out.put(r.get("structure_id"), r) != null) {
        duplicated.add(r.get("structure_id"));
      }
    }
    out.keySet().removeAll(duplicated);
    out.values()
        .removeIf(
            r ->
                !communes.containsKey(r.get("insee_code"))
                    || !List.of(
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
                            "CONSULAR")
                        .contains(r.get("category")));
    return out;
  }

  /** Valid audits in the perimeter, one per audit_id: the latest recorded_at wins. */
  private static Map<String, JsonNode> latestValidAudits(
      Path landing,
      int year,
      JsonNode edition,
      Map<String, CSVRecord> structures,
      Map<String, CSVRecord> sites)
      throws IOException {
    Map<String, List<JsonNode>> byId = new TreeMap<>();
    for (String line : LandingReader.auditLines(landing)) {
      JsonNode a = LandingReader.parseOrNull(line);
      if (a != null && valid(a, year, edition, structures, sites)) {
        byId.computeIfAbsent(a.get("audit_id").asText(), k -> new ArrayList<>()).add(a);
      }
    }
    Map<String, JsonNode> out = new TreeMap<>();
    for (Map.Entry<String, List<JsonNode>> e : byId.entrySet()) {
      JsonNode latest = null;
      for (JsonNode a : e.getValue()) {
        if (latest == null
            || a.get("recorded_at").asText().compareTo(latest.get("recorded_at").asText()) > 0) {
          latest = a;
        }
      }
      out.put(e.getKey(), latest);
    }
    return out;
  }

  private static boolean valid(
      JsonNode a,
      int year,
      JsonNode edition,
      Map<String, CSVRecord> structures,
      Map<String, CSVRecord> sites) {
    for (String field :
        List.of(
            "audit_id",
            "edition",
            "structure_id",
            "site_id",
            "channel",
            "contacted_at",
            "recorded_at",
            "answers")) {
      if (!a.hasNonNull(field)) {
        return false;
      }
    }
    CSVRecord structure = structures.get(a.get("structure_id").asText());
    CSVRecord site = sites.get(a.get("site_id").asText());
    JsonNode window = edition.get("windows").get(a.get("channel").asText());
    if (a.get("edition").asInt() != year
        || structure == null
        || site == null
        || window == null
        || !site.get("structure_id").equals(structure.get("structure_id"))) {
      return false;
    }
    OffsetDateTime contacted = OffsetDateTime.parse(a.get("contacted_at").asText());
    if (a.hasNonNull("answered_at")
        && OffsetDateTime.parse(a.get("answered_at").asText()).isBefore(contacted)) {
      return false;
    }
    LocalDate day = contacted.toLocalDate();
    if (day.isBefore(LocalDate.parse(window.get(0).asText()))
        || day.isAfter(LocalDate.parse(window.get(1).asText()))) {
      return false;
    }
    boolean personalized = structure.get("plan").equals("PERSONALIZED");
    boolean inPerimeter =
        structure.get("application_status").equals("ACCEPTED")
            && (Boolean.parseBoolean(site.get("is_main")) || personalized)
            && (!a.get("channel").asText().equals("VISIT")
                || Boolean.parseBoolean(site.get("mystery_visit")));
    return inPerimeter;
  }

  private void countHeadlines(JsonNode a, String channel) {
    Map<String, String> values = values(a);
    switch (channel) {
      case "PHONE" -> {
        String rings = values.get("PH01");
        if (rings != null && isNumber(rings)) {
          phoneCalls++;
          callsWithin5Rings += Double.parseDouble(rings) <= 5 ? 1 : 0;
        }
      }
      case "LETTER" -> {
        letters++;
        if (a.hasNonNull("answered_at")) {
          long days =
              ChronoUnit.DAYS.between(
                  OffsetDateTime.parse(a.get("contacted_at").asText()).toLocalDate(),
                  OffsetDateTime.parse(a.get("answered_at").asText()).toLocalDate());
          lettersWithin7Days += days <= 7 ? 1 : 0;
        }
      }
      case "VOICEMAIL" -> {
        String machine = values.get("VM01");
        if (machine != null && (machine.equals("YES") || machine.equals("NO"))) {
          voicemails++;
          answeringMachines += machine.equals("YES") ? 1 : 0;
        }
      }
      default -> {}
    }
  }

  /** Answers by item, normalised; items answered twice are dropped, as the pipeline does. */
  private static Map<String, String> values(JsonNode a) {
    Map<String, String> out = new TreeMap<>();
    Set<String> twice = new HashSet<>();
    for (JsonNode answer : a.get("answers")) {
      String id = answer.get("item_id").asText();
      if (out.put(id, answer.get("value").asText().trim().toUpperCase(Locale.ROOT)) != null) {
        twice.add(id);
      }
    }
    out.keySet().removeAll(twice);
    return out;
  }

  private static void score(JsonNode a, String channel, Map<String, Item> grid, double[] acc) {
    Map<String, String> values = values(a);
    boolean silent = SILENT_CHANNELS.contains(channel) && !a.hasNonNull("answered_at");
    for (Item item : grid.values()) {
      if (!item.channel().equals(channel)) {
        continue;
      }
      Double points;
      if (silent && item.step().equals("TRAITEMENT")) {
        points = 0.0;
      } else if ("WORKING_DAYS".equals(item.unit())) {
        points = delayPoints(item, workingDays(a));
      } else {
        points = points(item, values.get(item.id()));
      }
      if (points != null) {
        acc[0] += item.weight() * points;
        acc[1] += item.weight();
      }
    }
  }

  /** Points of a typed answer; null when missing, NA or invalid (left out of the denominator). */
  private static Double points(Item item, String value) {
    if (value == null || value.equals("NA")) {
      return null;
    }
    switch (item.type()) {
      case "BOOLEAN":
        if (value.equals("YES") || value.equals("NO")) {
          return value.equals("YES") ? 1.0 : 0.0;
        }
        return null;
      case "SCALE":
        if (!value.matches("[1-4]")) {
          return null;
        }
        return (Integer.parseInt(value) - 1) / 3.0;
      default:
        if (!isNumber(value) || Double.parseDouble(value) < 0) {
          return null;
        }
        return delayPoints(item, Double.parseDouble(value));
    }
  }

  private static double delayPoints(Item item, double v) {
    return v <= item.fullAt() ? 1 : v <= item.zeroAfter() ? 0.5 : 0;
  }

  private static boolean isNumber(String value) {
    return value.matches("-?\\d+(\\.\\d+)?");
  }

  /** Weekdays d with contact < d <= answer. */
  private static int workingDays(JsonNode a) {
    LocalDate from = OffsetDateTime.parse(a.get("contacted_at").asText()).toLocalDate();
    LocalDate to = OffsetDateTime.parse(a.get("answered_at").asText()).toLocalDate();
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      n += d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1;
    }
    return n;
  }

  private void countSurvey(Path landing) throws IOException {
    List<String> questions =
        List.of("q_access", "q_reception", "q_information", "q_delay", "q_courtesy", "q_overall");
    for (Path f : LandingReader.files(landing.resolve("survey"), ".csv")) {
      for (CSVRecord r : LandingReader.survey(f)) {
        if (r.get("last_contact").equals(">3M")) {
          continue;
        }
        for (String q : questions) {
          String v = r.get(q);
          if (v.matches("[1-4]")) {
            surveyAnswers++;
            satisfiedAnswers += v.equals("3") || v.equals("4") ? 1 : 0;
          }
        }
      }
    }
  }
}
