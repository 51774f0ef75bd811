package fr.barometer.generator;

import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Category;
import fr.barometer.common.domain.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated participants: structures, their sites and orders, plus each structure's latent
 * quality, which drives its audits and survey answers but is never written.
 */
final class Registry {

  record Structure(
      String id,
      String name,
      Category category,
      String subtype,
      Commune commune,
      Epci epci,
      ApplicationStatus status,
      Plan plan,
      String contactEmail,
      double quality) {

    boolean isAccepted() {
      return status == ApplicationStatus.ACCEPTED;
    }

    boolean isPersonalized() {
      return plan == Plan.PERSONALIZED;
    }
  }

  record Site(
      String id,
      String structureId,
      String name,
      Commune commune,
      boolean main,
      boolean mysteryVisit,
      double quality) {}

  record Order(String structureId, boolean restitution, boolean professionalAudit) {}

  private final List<Structure> structures;
  private final List<Site> sites;
  private final List<Order> orders;
  private final Map<String, Structure> byId = new TreeMap<>();
  private final Map<String, List<Site>> sitesOf = new TreeMap<>();

  Registry(List<Structure> structures, List<Site> sites, List<Order> orders) {
    this.structures = List.copyOf(structures);
    this.sites = List.copyOf(sites);
    this.orders = List.copyOf(orders);
    structures.forEach(s -> byId.put(s.id(), s));
    sites.forEach(s -> sitesOf.computeIfAbsent(s.structureId(), k -> new ArrayList<>()).add(s));
  }

  static String structureId(int number) {
    return String.format("S%04d", number);
  }

  List<Structure> structures() {
    return structures;
  }

  List<Site> sites() {
    return sites;
  }

  List<Order> orders() {
    return orders;
  }

  Structure structure(String id) {
    return byId.get(id);
  }

  List<Site> sitesOf(String structureId) {
    return sitesOf.getOrDefault(structureId, Collections.emptyList());
  }

  Site mainSite(String structureId) {
    return sitesOf(structureId).get(0);
  }

  /**
   * Audited: the structure is ACCEPTED, and the site is its main one or the plan covers all sites.
   */
  boolean inPerimeter(Site site) {
    Structure s = structure(site.structureId());
    return s.isAccepted() && (site.main() || s.isPersonalized());
  }

  List<Site> perimeterSites() {
    return sites.stream().filter(this::inPerimeter).toList();
  }

  List<Structure> accepted() {
    return structures.stream().filter(Structure::isAccepted).toList();
  }

  List<Structure> notAccepted() {
    return structures.stream().filter(s -> !s.isAccepted()).toList();
  }

  /**
   * The highest structure number in use: the count for a registry numbered S0001 onwards, more for
   * an earlier edition's registry, whose structures that left later are numbered after it.
   */
  int lastNumber() {
    int last = 0;
    for (Structure s : structures) {
      last = Math.max(last, number(s.id()));
    }
    return last;
  }

  static int number(String structureId) {
    return Integer.parseInt(structureId.substring(1));
  }

  /** An id that no structure of this registry has, not even the deliberately bad rows. */
  String unknownStructureId(int k) {
    return structureId(lastNumber() + 1000 + k);
  }
}
