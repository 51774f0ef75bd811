package fr.barometer.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The participants look like a real campaign's: mix of categories, plans, sites, eligibility. */
class RegistryTest {
  static Path landing;
  static List<CSVRecord> structures;
  static Map<String, List<CSVRecord>> sitesOf = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    landing = GeneratedLandings.standard().folder();
    Set<String> seen = new HashSet<>();
    Set<String> twice = new HashSet<>();
    List<CSVRecord> all = LandingReader.csv(landing.resolve("structures.csv"));
    all.forEach(
        r -> {
          if (!seen.add(r.get("structure_id"))) {
            twice.add(r.get("structure_id"));
          }
        });
    // The generated participants, without the deliberately broken registrations.
    structures =
        all.stream()
            .filter(r -> !twice.contains(r.get("structure_id")))
            .filter(r -> Integer.parseInt(r.get("structure_id").substring(1)) <= 300)
            .toList();
    for (CSVRecord s : LandingReader.csv(landing.resolve("sites.csv"))) {
      sitesOf.computeIfAbsent(s.get("structure_id"), k -> new java.util.ArrayList<>()).add(s);
    }
  }

  private static double share(Predicate<CSVRecord> p) {
    return (double) structures.stream().filter(p).count() / structures.size();
  }

  @Test
  void townHallsLeadTheMix() {
    double administration = share(r -> r.get("category").equals("ADMINISTRATION"));
    assertTrue(administration > 0.30 && administration < 0.45, "ADMINISTRATION " + administration);
    double townHalls = share(r -> r.get("subtype").equals("MAIRIE"));
    assertTrue(townHalls > 0.6 * administration, "MAIRIE " + townHalls);
    assertTrue(structures.stream().anyMatch(r -> r.get("subtype").equals("INTERCOMMUNALITE")));
    assertTrue(
        structures.stream()
                .filter(r -> r.get("category").equals("ADMINISTRATION"))
                .map(r -> r.get("subtype"))
                .distinct()
                .count()
            >= 4);
    assertEquals(12, structures.stream().map(r -> r.get("category")).distinct().count());
    assertTrue(
        structures.stream()
            .filter(r -> r.get("subtype").equals("MAIRIE"))
            .allMatch(r -> r.get("name").matches("Mairie (de |du |des |d').+")));
  }

  @Test
  void intercommunalitiesNameAnEpciTheirCommuneBelongsTo() throws IOException {
    Map<String, String> epciOf = LandingReader.communeEpci();
    for (CSVRecord r : structures) {
      if (r.get("subtype").equals("INTERCOMMUNALITE")) {
        assertEquals(epciOf.get(r.get("insee_code")), r.get("epci_siren"), r.get("structure_id"));
      } else {
        assertEquals("", r.get("epci_siren"), r.get("structure_id"));
      }
    }
  }

  @Test
  void mostApplicationsAreAcceptedAndAFewAreIneligible() throws IOException {
    double accepted = share(r -> r.get("application_status").equals("ACCEPTED"));
    assertTrue(accepted > 0.84 && accepted < 0.96, "ACCEPTED " + accepted);
    assertTrue(structures.stream().anyMatch(r -> r.get("application_status").equals("REJECTED")));
    assertTrue(structures.stream().anyMatch(r -> r.get("application_status").equals("PENDING")));
    Map<String, Long> population = LandingReader.communePopulations();
    double small =
        share(
            r ->
                !r.get("subtype").equals("INTERCOMMUNALITE")
                    && (population.get(r.get("insee_code")) == null
                        || population.get(r.get("insee_code")) < 3500));
    assertTrue(small > 0.01 && small < 0.08, "in small communes " + small);
    assertTrue(
        structures.stream()
            .anyMatch(
                r ->
                    population.containsKey(r.get("insee_code"))
                        && population.get(r.get("insee_code")) == null),
        "a commune without population");
  }

  @Test
  void personalizedStructuresHaveSeveralSitesAndAnOrder() throws IOException {
    double personalized = share(r -> r.get("plan").equals("PERSONALIZED"));
    assertTrue(personalized > 0.18 && personalized < 0.32, "PERSONALIZED " + personalized);
    Set<String> ordered = new HashSet<>();
    LandingReader.csv(landing.resolve("orders.csv"))
        .forEach(r -> ordered.add(r.get("structure_id")));
    for (CSVRecord s : structures) {
      List<CSVRecord> sites = sitesOf.get(s.get("structure_id"));
      String id = s.get("structure_id");
      assertEquals(id + "-M", sites.get(0).get("site_id"));
      assertEquals("true", sites.get(0).get("is_main"));
      if (s.get("plan").equals("PERSONALIZED")) {
        assertTrue(sites.size() >= 2 && sites.size() <= 5, id);
        assertTrue(
            sites.subList(1, sites.size()).stream()
                .allMatch(
                    x ->
                        x.get("site_id").matches(id + "-A[1-4]")
                            && x.get("is_main").equals("false")),
            id);
        assertTrue(ordered.contains(id), id);
      } else {
        assertEquals(1, sites.size(), id);
        assertTrue(!ordered.contains(id), id);
      }
    }
    double visits =
        (double)
                sitesOf.values().stream()
                    .flatMap(List::stream)
                    .filter(x -> x.get("mystery_visit").equals("true"))
                    .count()
            / sitesOf.values().stream().mapToInt(List::size).sum();
    assertTrue(visits > 0.15 && visits < 0.35, "mystery visits " + visits);
  }

  @Test
  void quotasAreMostlyMet() throws IOException {
    Map<String, Map<String, Set<String>>> received = new HashMap<>();
    for (String line : LandingReader.auditLines(landing)) {
      JsonNode a = LandingReader.parseOrNull(line);
      if (a != null && a.hasNonNull("site_id") && a.hasNonNull("channel")) {
        received
            .computeIfAbsent(a.get("site_id").asText(), k -> new HashMap<>())
            .computeIfAbsent(a.get("channel").asText(), k -> new HashSet<>())
            .add(a.get("audit_id").asText());
      }
    }
    Map<String, Integer> quotas =
        Map.of("EMAIL", 4, "PHONE", 4, "VOICEMAIL", 1, "LETTER", 3, "WEB", 1);
    int complete = 0;
    int mains = 0;
    for (CSVRecord s : structures) {
      if (!s.get("application_status").equals("ACCEPTED")) {
        continue;
      }
      mains++;
      Map<String, Set<String>> got = received.getOrDefault(s.get("structure_id") + "-M", Map.of());
      boolean met =
          quotas.entrySet().stream()
              .allMatch(q -> got.getOrDefault(q.getKey(), Set.of()).size() >= q.getValue());
      complete += met ? 1 : 0;
    }
    double share = (double) complete / mains;
    assertTrue(share > 0.88 && share < 1.0, "main sites meeting every quota " + share);
  }

  @Test
  void surveyVolumeIsSkewedAcrossStructures() throws IOException {
    Map<String, Integer> responses = new HashMap<>();
    long total = 0;
    for (Path f : LandingReader.files(landing.resolve("survey"), ".csv")) {
      for (CSVRecord r : LandingReader.survey(f)) {
        total++;
        if (!r.get("structure_id").isEmpty()) {
          responses.merge(r.get("structure_id"), 1, Integer::sum);
        }
      }
    }
    long participants =
        structures.stream().filter(r -> r.get("application_status").equals("ACCEPTED")).count();
    assertTrue(
        Math.abs(total - 25.0 * participants) < 0.02 * 25 * participants, "responses " + total);
    long reaching30 =
        structures.stream()
            .filter(r -> responses.getOrDefault(r.get("structure_id"), 0) >= 30)
            .count();
    assertTrue(
        reaching30 > 0.1 * participants && reaching30 < 0.5 * participants,
        "structures with 30+ " + reaching30);
  }
}
