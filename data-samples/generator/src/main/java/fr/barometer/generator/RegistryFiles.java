package fr.barometer.generator;

import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Category;
import fr.barometer.common.domain.Plan;
import fr.barometer.generator.Registry.Order;
import fr.barometer.generator.Registry.Site;
import fr.barometer.generator.Registry.Structure;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes structures.csv, sites.csv and orders.csv as the registration tool exports them, with a
 * handful of registration mistakes mixed in (see {@link RegistryFault}).
 */
final class RegistryFiles {
  static final String INPUT_STRUCTURES = "structures";
  static final String INPUT_SITES = "sites";
  static final String INPUT_ORDERS = "orders";
  static final List<String> STRUCTURES_HEADER =
      List.of(
          "structure_id",
          "name",
          "category",
          "subtype",
          "insee_code",
          "epci_siren",
          "application_status",
          "plan",
          "contact_email");
  static final List<String> SITES_HEADER =
      List.of("site_id", "structure_id", "name", "insee_code", "is_main", "mystery_visit");
  static final List<String> ORDERS_HEADER =
      List.of("structure_id", "restitution", "professional_audit");
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private final Registry registry;
  private final Communes communes;
  private final Randoms random;
  private final BadRecordLog log;
  private final List<List<String>> structures = new ArrayList<>();
  private final List<List<String>> sites = new ArrayList<>();
  private final List<List<String>> orders = new ArrayList<>();

  RegistryFiles(Registry registry, Communes communes, Randoms random, BadRecordLog log) {
    this.registry = registry;
    this.communes = communes;
    this.random = random;
    this.log = log;
  }

  SortedMap<String, Long> write(Path landing) throws IOException {
    registry.structures().forEach(s -> structures.add(row(s)));
    registry.sites().forEach(s -> sites.add(row(s)));
    registry.orders().forEach(o -> orders.add(row(o)));
    addMistakes();
    SortedMap<String, Long> rows = new TreeMap<>();
    rows.put(
        "structures.csv", print(landing.resolve("structures.csv"), STRUCTURES_HEADER, structures));
    rows.put("sites.csv", print(landing.resolve("sites.csv"), SITES_HEADER, sites));
    rows.put("orders.csv", print(landing.resolve("orders.csv"), ORDERS_HEADER, orders));
    return rows;
  }

  /** The commune codes of the structure and site rows written, bad rows included. */
  Set<String> communesNamed() {
    Set<String> codes = new TreeSet<>();
    structures.forEach(r -> codes.add(r.get(STRUCTURES_HEADER.indexOf("insee_code"))));
    sites.forEach(r -> codes.add(r.get(SITES_HEADER.indexOf("insee_code"))));
    return codes;
  }

  private static long print(Path file, List<String> header, List<List<String>> rows)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
    return rows.size();
  }

  private static List<String> row(Structure s) {
    return List.of(
        s.id(),
        s.name(),
        s.category().name(),
        s.subtype(),
        s.commune().inseeCode(),
        s.epci() == null ? "" : s.epci().siren(),
        s.status().name(),
        s.plan().name(),
        s.contactEmail());
  }

  private static List<String> row(Site s) {
    return List.of(
        s.id(),
        s.structureId(),
        s.name(),
        s.commune().inseeCode(),
        bool(s.main()),
        bool(s.mysteryVisit()));
  }

  private static List<String> row(Order o) {
    return List.of(o.structureId(), bool(o.restitution()), bool(o.professionalAudit()));
  }

  private static String bool(boolean b) {
    return String.valueOf(b);
  }

  /**
   * Late registrations with mistakes go at the end; a re-registration lands after the first one.
   */
  private void addMistakes() {
    int next = registry.lastNumber() + 1;
    Commune town = eligibleCommune();
    lateStructure(
        Registry.structureId(next++),
        "Mairie " + FrenchNames.of(town.name()),
        "MAIRIE",
        "MAIRIE",
        town.inseeCode(),
        RegistryFault.UNKNOWN_CATEGORY);
    Commune zeroLost = communeWithLeadingZero();
    lateStructure(
        Registry.structureId(next++),
        "Médiathèque " + FrenchNames.of(zeroLost.name()),
        Category.CULTURE_SPORT.name(),
        "Médiathèque",
        zeroLost.inseeCode().substring(1),
        RegistryFault.NOT_A_COMMUNE);
    twoMainSites(Registry.structureId(next));
    duplicateRegistration();
    orphans(town);
  }

  private void lateStructure(
      String id, String name, String category, String subtype, String insee, RegistryFault fault) {
    structures.add(
        List.of(
            id,
            name,
            category,
            subtype,
            insee,
            "",
            ApplicationStatus.ACCEPTED.name(),
            Plan.STANDARD.name(),
            "contact@" + FrenchNames.slug(name) + ".fr"));
    sites.add(List.of(id + "-M", id, name, insee, "true", "false"));
    log.add(INPUT_STRUCTURES, fault, 1);
  }

  /** A personalised structure that ticked "main site" on its annex too. */
  private void twoMainSites(String id) {
    Commune commune = eligibleCommune();
    String name = "CCAS " + FrenchNames.of(commune.name());
    structures.add(
        List.of(
            id,
            name,
            Category.SOCIAL.name(),
            "CCAS",
            commune.inseeCode(),
            "",
            ApplicationStatus.ACCEPTED.name(),
            Plan.PERSONALIZED.name(),
            "accueil@ccas-" + FrenchNames.slug(commune.name()) + ".fr"));
    sites.add(List.of(id + "-M", id, name, commune.inseeCode(), "true", "false"));
    sites.add(
        List.of(id + "-A1", id, name + " – antenne Nord", commune.inseeCode(), "true", "false"));
    orders.add(List.of(id, "false", "false"));
    log.add(INPUT_SITES, RegistryFault.MAIN_SITE_CONFLICT, 2);
  }

  /** A site and an order left behind by a structure that withdrew its registration. */
  private void orphans(Commune town) {
    String site = registry.unknownStructureId(900);
    insert(
        sites,
        List.of(
            site + "-M",
            site,
            "Accueil " + FrenchNames.of(town.name()),
            town.inseeCode(),
            "true",
            "false"));
    log.add(INPUT_SITES, RegistryFault.SITE_OF_UNKNOWN_STRUCTURE, 1);
    insert(orders, List.of(registry.unknownStructureId(901), "true", "false"));
    log.add(INPUT_ORDERS, RegistryFault.ORDER_OF_UNKNOWN_STRUCTURE, 1);
  }

  /**
   * The same structure_id sent again with another contact and plan, preferably an undecided one.
   */
  private void duplicateRegistration() {
    List<Structure> candidates =
        registry.notAccepted().isEmpty() ? registry.structures() : registry.notAccepted();
    Structure s = random.pick(candidates);
    int original = registry.structures().indexOf(s);
    Plan otherPlan = s.plan() == Plan.STANDARD ? Plan.PERSONALIZED : Plan.STANDARD;
    List<String> again = new ArrayList<>(row(s));
    again.set(7, otherPlan.name());
    again.set(
        8,
        "direction"
            + s.contactEmail().substring(s.contactEmail().indexOf('@')).toLowerCase(Locale.ROOT));
    structures.add(random.between(original + 1, structures.size()), again);
    log.add(INPUT_STRUCTURES, RegistryFault.DUPLICATE_STRUCTURE_ID, 2);
  }

  private void insert(List<List<String>> rows, List<String> row) {
    rows.add(random.between(0, rows.size()), row);
  }

  private Commune eligibleCommune() {
    List<Commune> towns =
        communes.all().stream()
            .filter(c -> c.populationOrZero() >= RegistryGenerator.MIN_ELIGIBLE_POPULATION)
            .toList();
    return random.pick(towns);
  }

  /** A commune of departments 01-09, whose code a spreadsheet turns into four digits. */
  private Commune communeWithLeadingZero() {
    List<Commune> candidates =
        communes.all().stream()
            .filter(
                c ->
                    c.inseeCode().startsWith("0")
                        && !communes.isCommune(c.inseeCode().substring(1))
                        && c.populationOrZero() >= RegistryGenerator.MIN_ELIGIBLE_POPULATION)
            .toList();
    return random.pick(candidates);
  }
}
