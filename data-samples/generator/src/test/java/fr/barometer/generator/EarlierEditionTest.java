package fr.barometer.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.barometer.common.config.Criterion;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edition before a later one's registry ({@code --registry-of}), read from the files of both
 * editions generated with the same structures and seed: mostly the same structures, some new in the
 * later edition and some that left, one town hall whose stratum changes with its commune's
 * population, and a grid that differs in exactly three ways.
 */
class EarlierEditionTest {
  static Path earlier;
  static Path later;
  static GenerationSummary summary;

  @BeforeAll
  static void generate() {
    later = GeneratedLandings.standard().folder();
    GeneratedLandings.Generated g =
        GeneratedLandings.of(new GeneratorOptions(300, 42L, 2016, null, 2017));
    earlier = g.folder();
    summary = g.summary();
  }

  /** The registry rows by structure_id, without the ids written twice on purpose. */
  private static Map<String, CSVRecord> structures(Path landing) throws IOException {
    return byKey(LandingReader.csv(landing.resolve("structures.csv")), "structure_id");
  }

  private static Map<String, CSVRecord> byKey(List<CSVRecord> rows, String key) {
    Map<String, CSVRecord> out = new TreeMap<>();
    Set<String> twice = new HashSet<>();
    for (CSVRecord r : rows) {
      if (out.put(r.get(key), r) != null) {
        twice.add(r.get(key));
      }
    }
    out.keySet().removeAll(twice);
    return out;
  }

  /** Structures drawn for the registry: not the deliberately bad late registrations. */
  private static Set<String> drawn(Path landing) throws IOException {
    Map<String, Long> populations = LandingReader.communePopulations();
    Map<String, Integer> mainSites = new TreeMap<>();
    for (CSVRecord r : LandingReader.csv(landing.resolve("sites.csv"))) {
      if (r.get("is_main").equals("true")) {
        mainSites.merge(r.get("structure_id"), 1, Integer::sum);
      }
    }
    Set<String> ids = new TreeSet<>();
    for (CSVRecord r : LandingReader.csv(landing.resolve("structures.csv"))) {
      boolean bad =
          r.get("category").equals("MAIRIE")
              || !populations.containsKey(r.get("insee_code"))
              || mainSites.getOrDefault(r.get("structure_id"), 0) > 1;
      if (!bad) {
        ids.add(r.get("structure_id"));
      }
    }
    return ids;
  }

  @Test
  void mostStructuresAreTheSameSomeAreNewLaterAndAFewLeft() throws IOException {
    Map<String, CSVRecord> before = structures(earlier);
    Map<String, CSVRecord> after = structures(later);
    Set<String> laterIds = new TreeSet<>();
    for (int i = 1; i <= 300; i++) {
      laterIds.add(Registry.structureId(i));
    }
    Set<String> shared = new TreeSet<>(drawn(earlier));
    shared.retainAll(laterIds);
    Set<String> newLater = new TreeSet<>(laterIds);
    newLater.removeAll(drawn(earlier));
    Set<String> left = new TreeSet<>(drawn(earlier));
    left.removeAll(laterIds);

    assertEquals(15, newLater.size(), "5% of the later structures are new: " + newLater);
    assertEquals(300 - 15, shared.size());
    assertEquals(6, left.size(), "a few left: " + left);
    for (String id : shared) {
      if (after.containsKey(id) && before.containsKey(id)) {
        assertEquals(after.get(id).toList(), before.get(id).toList(), id);
      }
    }

    // No record of the later edition uses a leaver's id.
    Set<String> usedLater = new HashSet<>();
    LandingReader.csv(later.resolve("structures.csv"))
        .forEach(r -> usedLater.add(r.get("structure_id")));
    LandingReader.csv(later.resolve("sites.csv"))
        .forEach(r -> usedLater.add(r.get("structure_id")));
    LandingReader.csv(later.resolve("orders.csv"))
        .forEach(r -> usedLater.add(r.get("structure_id")));
    for (String line : LandingReader.auditLines(later)) {
      JsonNode a = LandingReader.parseOrNull(line);
      if (a != null && a.hasNonNull("structure_id")) {
        usedLater.add(a.get("structure_id").asText());
      }
    }
    for (String id : left) {
      assertFalse(usedLater.contains(id), id + " is used in the later edition");
      assertTrue(Registry.number(id) > 300, id);
    }
  }

  @Test
  void sharedStructuresKeepTheirSitesAndOrders() throws IOException {
    Map<String, CSVRecord> sitesBefore =
        byKey(LandingReader.csv(earlier.resolve("sites.csv")), "site_id");
    Map<String, CSVRecord> sitesAfter =
        byKey(LandingReader.csv(later.resolve("sites.csv")), "site_id");
    Set<String> shared = new TreeSet<>(drawn(earlier));
    shared.retainAll(drawn(later));
    int sites = 0;
    for (CSVRecord s : sitesAfter.values()) {
      if (shared.contains(s.get("structure_id"))) {
        assertEquals(s.toList(), sitesBefore.get(s.get("site_id")).toList(), s.get("site_id"));
        sites++;
      }
    }
    assertTrue(sites > 400, "sites compared: " + sites);
    Map<String, CSVRecord> ordersBefore =
        byKey(LandingReader.csv(earlier.resolve("orders.csv")), "structure_id");
    for (CSVRecord o : LandingReader.csv(later.resolve("orders.csv"))) {
      if (shared.contains(o.get("structure_id"))) {
        assertEquals(o.toList(), ordersBefore.get(o.get("structure_id")).toList());
      }
    }
  }

  @Test
  void exactlyOneTownHallChangesStratum() throws IOException {
    Map<String, Long> shipped = LandingReader.communePopulations();
    Map<String, Long> own = new TreeMap<>();
    for (CSVRecord r : LandingReader.csv(earlier.resolve("reference/communes.csv"))) {
      own.put(
          r.get("insee_code"),
          r.get("population").isBlank() ? null : Long.valueOf(r.get("population")));
    }
    List<Long> bounds = EditionConfig.load(earlier.resolve("edition.json")).strata();
    assertEquals(bounds, EditionConfig.load(later.resolve("edition.json")).strata());
    Map<String, CSVRecord> before = structures(earlier);
    Map<String, CSVRecord> after = structures(later);
    List<String> changed = new ArrayList<>();
    for (CSVRecord s : before.values()) {
      CSVRecord l = after.get(s.get("structure_id"));
      if (l == null
          || !s.get("subtype").equals("MAIRIE")
          || !s.get("application_status").equals("ACCEPTED")) {
        continue;
      }
      String insee = s.get("insee_code");
      Long p0 = own.get(insee);
      Long p1 = shipped.get(insee);
      if (p0 == null || p1 == null || p0 < bounds.get(0) || p1 < bounds.get(0)) {
        continue;
      }
      String s0 = RegistryHistory.stratum(p0, bounds);
      String s1 = RegistryHistory.stratum(p1, bounds);
      if (!s0.equals(s1)) {
        changed.add(
            s.get("structure_id") + " " + insee + " " + p0 + " " + s0 + " " + p1 + " " + s1);
      }
    }
    assertEquals(1, changed.size(), changed.toString());

    // Every other commune keeps its shipped row; that one only its population changes.
    int differing = 0;
    for (Map.Entry<String, Long> e : own.entrySet()) {
      assertTrue(shipped.containsKey(e.getKey()), e.getKey());
      if (!java.util.Objects.equals(e.getValue(), shipped.get(e.getKey()))) {
        differing++;
        assertTrue(changed.get(0).contains(" " + e.getKey() + " "), changed.get(0));
      }
    }
    assertEquals(1, differing);
    assertTrue(
        summary.describe().contains("town hall " + changed.get(0).split(" ")[0]),
        summary.describe());
  }

  @Test
  void ownCommunesListEveryCommuneTheFilesNameWithTheShippedHeader() throws IOException {
    Path communes = earlier.resolve("reference/communes.csv");
    String shippedHeader;
    try (InputStream in =
        EarlierEditionTest.class.getResourceAsStream("/fr/barometer/reference/communes.csv")) {
      shippedHeader = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n", 2)[0];
    }
    assertEquals(shippedHeader, Files.readAllLines(communes).get(0));
    Set<String> listed = new TreeSet<>();
    LandingReader.csv(communes).forEach(r -> listed.add(r.get("insee_code")));
    Map<String, Long> shipped = LandingReader.communePopulations();
    Set<String> named = new TreeSet<>();
    LandingReader.csv(earlier.resolve("structures.csv"))
        .forEach(r -> named.add(r.get("insee_code")));
    LandingReader.csv(earlier.resolve("sites.csv")).forEach(r -> named.add(r.get("insee_code")));
    for (Path f : LandingReader.files(earlier.resolve("survey"), ".csv")) {
      LandingReader.survey(f).forEach(r -> named.add(r.get("insee_code")));
    }
    named.removeIf(code -> !shipped.containsKey(code));
    assertEquals(named, listed);
    assertTrue(listed.size() < 2000, "a subset: " + listed.size());
  }

  @Test
  void theGridDiffersInExactlyThreeWays() throws IOException {
    Referential before = Referential.load(earlier.resolve("referential.json"));
    Referential after = Referential.load(later.resolve("referential.json"));
    assertEquals(Referential.defaults(), after);
    Map<String, GridItem> itemsBefore = before.itemsById();
    Map<String, GridItem> itemsAfter = after.itemsById();

    Set<String> onlyBefore = new TreeSet<>(itemsBefore.keySet());
    onlyBefore.removeAll(itemsAfter.keySet());
    Set<String> onlyAfter = new TreeSet<>(itemsAfter.keySet());
    onlyAfter.removeAll(itemsBefore.keySet());
    List<String> reweighted = new ArrayList<>();
    for (GridItem i : itemsAfter.values()) {
      GridItem b = itemsBefore.get(i.id());
      if (b != null && !b.equals(i)) {
        assertEquals(i, withWeight(b, i.weight()), "only the weight may differ: " + i.id());
        reweighted.add(i.id());
      }
    }
    assertEquals(Set.of("WE08"), onlyBefore);
    assertEquals(Set.of("WE03"), onlyAfter);
    assertEquals(List.of("LE03"), reweighted);
    assertEquals(1.0, itemsBefore.get("LE03").weight());
    assertEquals(2.0, itemsAfter.get("LE03").weight());

    // The earlier-only item is the only item of a criterion only the earlier grid has.
    GridItem dropped = itemsBefore.get("WE08");
    assertEquals(Channel.WEB, dropped.channel());
    assertEquals("C10", dropped.criterion());
    List<String> criteriaBefore = before.criteria().stream().map(Criterion::id).toList();
    List<String> criteriaAfter = after.criteria().stream().map(Criterion::id).toList();
    assertTrue(criteriaBefore.contains("C10"));
    assertFalse(criteriaAfter.contains("C10"));
    assertEquals(criteriaAfter, criteriaBefore.subList(0, criteriaAfter.size()));
    assertEquals(after.scenarios(), before.scenarios());

    // Measures keeping the same items, measures sharing some, one sharing none.
    Map<String, String> channels = comparison(before, after, i -> i.channel().name());
    Map<String, String> criteria = comparison(before, after, GridItem::criterion);
    Map<String, String> steps = comparison(before, after, i -> i.step().name());
    assertEquals("SAME", channels.get("EMAIL"));
    assertEquals("SAME", channels.get("PHONE"));
    assertEquals("SAME", channels.get("VOICEMAIL"));
    assertEquals("SAME", channels.get("VISIT"));
    assertEquals("COMMON", channels.get("WEB"));
    assertEquals("COMMON", channels.get("LETTER"));
    assertEquals("COMMON", criteria.get("C01"));
    assertEquals("COMMON", criteria.get("C04"));
    assertEquals("NONE", criteria.get("C10"));
    assertEquals(7, criteria.values().stream().filter("SAME"::equals).count(), criteria.toString());
    assertEquals("SAME", steps.get(Step.ACCUEIL.name()));
  }

  /** SAME items and weights, COMMON items only, or NONE in common, per measure of either grid. */
  private static Map<String, String> comparison(
      Referential before, Referential after, Function<GridItem, String> measure) {
    Map<String, Map<String, Double>> b = new TreeMap<>();
    Map<String, Map<String, Double>> a = new TreeMap<>();
    before
        .items()
        .forEach(
            i -> b.computeIfAbsent(measure.apply(i), k -> new TreeMap<>()).put(i.id(), i.weight()));
    after
        .items()
        .forEach(
            i -> a.computeIfAbsent(measure.apply(i), k -> new TreeMap<>()).put(i.id(), i.weight()));
    Set<String> measures = new TreeSet<>(b.keySet());
    measures.addAll(a.keySet());
    Map<String, String> out = new TreeMap<>();
    for (String m : measures) {
      Map<String, Double> x = b.getOrDefault(m, Map.of());
      Map<String, Double> y = a.getOrDefault(m, Map.of());
      Set<String> common = new TreeSet<>(x.keySet());
      common.retainAll(y.keySet());
      out.put(m, x.equals(y) ? "SAME" : common.isEmpty() ? "NONE" : "COMMON");
    }
    return out;
  }

  private static GridItem withWeight(GridItem i, double weight) {
    return new GridItem(
        i.id(),
        i.channel(),
        i.criterion(),
        i.step(),
        i.label(),
        i.type(),
        i.unit(),
        i.fullAt(),
        i.zeroAfter(),
        weight);
  }

  @Test
  void theEditionsSettingsAreTheLaterOnesFiftyTwoWeeksBefore() throws IOException {
    EditionConfig before = EditionConfig.load(earlier.resolve("edition.json"));
    EditionConfig after = EditionConfig.load(later.resolve("edition.json"));
    assertEquals(2016, before.edition());
    for (Channel c : Channel.values()) {
      assertEquals(after.window(c).first().minusWeeks(52), before.window(c).first(), c.name());
      assertEquals(after.window(c).last().minusWeeks(52), before.window(c).last(), c.name());
      assertEquals(after.window(c).first().getDayOfWeek(), before.window(c).first().getDayOfWeek());
    }
    // 14 July 2016 is a public holiday: the day before.
    assertEquals(LocalDate.of(2016, 7, 13), before.registrationClose());
    assertTrue(FrenchCalendar.isWorkingDay(before.registrationClose()));
    assertEquals(after.quotas(), before.quotas());
    assertEquals(after.channelWeights(), before.channelWeights());
    assertEquals(after.strata(), before.strata());
    assertEquals(after.kAnonymity(), before.kAnonymity());
    assertEquals(after.surveyMinResponses(), before.surveyMinResponses());
    assertEquals(after.prices(), before.prices());
    assertEquals(after.minCommunePopulation(), before.minCommunePopulation());
  }

  @Test
  void auditsAnswerTheEarlierGridInTheEarlierWindows() throws IOException {
    EditionConfig edition = EditionConfig.load(earlier.resolve("edition.json"));
    Referential grid = Referential.load(earlier.resolve("referential.json"));
    long audits = 0;
    long inside = 0;
    Set<String> items = new TreeSet<>();
    for (String line : LandingReader.auditLines(earlier)) {
      JsonNode a = LandingReader.parseOrNull(line);
      if (a == null
          || !a.has("contacted_at")
          || !a.has("channel")
          || a.get("edition").asInt() != 2016
          || Channel.REMOTE.stream().noneMatch(c -> c.name().equals(a.get("channel").asText()))
              && !a.get("channel").asText().equals("VISIT")) {
        continue;
      }
      audits++;
      assertTrue(a.get("audit_id").asText().startsWith("A16-"), line);
      LocalDate day = OffsetDateTime.parse(a.get("contacted_at").asText()).toLocalDate();
      Channel channel = Channel.valueOf(a.get("channel").asText());
      if (edition.window(channel).contains(day) && FrenchCalendar.isWorkingDay(day)) {
        inside++;
      }
      a.get("answers").forEach(x -> items.add(x.get("item_id").asText()));
    }
    assertTrue(audits > 5000, "audits " + audits);
    assertTrue(inside >= audits * 0.99, inside + " of " + audits);
    assertTrue(items.contains("WE08"));
    assertFalse(items.contains("WE03"));
    long known = items.stream().filter(i -> grid.item(i).isPresent()).count();
    assertEquals(grid.items().size(), known, "every item of the grid is answered: " + items);

    for (Path f : LandingReader.files(earlier.resolve("survey"), ".csv")) {
      for (CSVRecord r : LandingReader.survey(f)) {
        assertTrue(r.get("response_id").startsWith("R16-"), r.toString());
      }
    }
  }

  @Test
  void scoresMoveALittleBetweenTheEditions() throws IOException {
    BarometerFigures before = BarometerFigures.of(earlier);
    BarometerFigures after = BarometerFigures.of(later);
    double change = after.meanScore() - before.meanScore();
    assertTrue(change > -1.5 && change < 3, before + " then " + after);
    assertNotEquals(before.meanScore(), after.meanScore());
    // The audits are drawn anew, not the later ones moved back a year.
    String first = Files.readAllLines(earlier.resolve("audits/email.jsonl")).get(0);
    String firstLater = Files.readAllLines(later.resolve("audits/email.jsonl")).get(0);
    assertNotEquals(
        firstLater.replaceAll("\"A17-|2017-", ""), first.replaceAll("\"A16-|2016-", ""));
  }

  @Test
  void theRegistryOfMustBeTheNextEdition() {
    BarometerException e =
        assertThrows(
            BarometerException.class, () -> new GeneratorOptions(10, 1L, 2016, null, 2018));
    assertTrue(e.getMessage().contains("--registry-of"), e.getMessage());
    assertThrows(BarometerException.class, () -> new GeneratorOptions(10, 1L, 2016, null, 2016));
    assertNotNull(new GeneratorOptions(10, 1L, 2016, null, 2017));
  }

  @Test
  void theShippedGridIsReadAndWrittenBackByteForByte() throws IOException {
    byte[] shipped;
    try (InputStream in =
        EarlierEditionTest.class.getResourceAsStream("/fr/barometer/defaults/referential.json")) {
      shipped = in.readAllBytes();
    }
    assertEquals(
        new String(shipped, StandardCharsets.UTF_8),
        new String(GridJson.write(GridJson.read(shipped)), StandardCharsets.UTF_8));
  }

  @Test
  void regeneratingWithoutTheOptionRemovesTheReferenceFolder(
      @org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
    Path landing = temp.resolve("again");
    LandingGenerator.generate(landing, new GeneratorOptions(20, 1L, 2016, 50, 2017));
    assertTrue(Files.isRegularFile(landing.resolve("reference/communes.csv")));
    LandingGenerator.generate(landing, new GeneratorOptions(20, 1L, 2016, 50));
    assertFalse(Files.exists(landing.resolve("reference")));
  }
}
