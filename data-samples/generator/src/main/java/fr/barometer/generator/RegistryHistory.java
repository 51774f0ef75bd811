package fr.barometer.generator;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Subtypes;
import fr.barometer.generator.Registry.Order;
import fr.barometer.generator.Registry.Site;
import fr.barometer.generator.Registry.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry of the edition before a later one, so that two consecutive editions show how
 * structures evolve. Starting from the later edition's registry:
 *
 * <ul>
 *   <li>about 5% of its structures are absent: they applied for the first time in the later
 *       edition;
 *   <li>a few structures (2%) applied in the earlier edition only: they left. They are drawn like
 *       the others and numbered after the later edition's ids, with a gap, so that no row of the
 *       later edition uses their ids;
 *   <li>every other structure is the same (id, name, category, commune, status, plan, contact,
 *       sites, orders); only its quality, hence its audits, drifts a little (a little lower on
 *       average: services improve from one year to the next);
 *   <li>one ACCEPTED town hall, the one whose commune's population is closest above a stratum
 *       bound, had a population below that bound in the earlier edition's reference data (INSEE
 *       publishes new legal populations every year), so its stratum, hence its peer group, changes.
 * </ul>
 */
final class RegistryHistory {
  static final double NEW_IN_LATER = 0.05;
  static final double LEFT_AFTER = 0.02;

  /** The leavers are numbered from the later edition's last id plus this gap, plus one. */
  static final int LEAVER_GAP = 100;

  /** Mean and spread of the change of a structure's quality, in units of its own spread (1). */
  static final double QUALITY_DRIFT = -0.2;

  static final double QUALITY_CHANGE_SD = 0.35;
  static final double SITE_CHANGE_SD = 0.15;

  /**
   * The town hall whose stratum changes: its commune's population in the earlier edition and in the
   * later one (the shipped reference data), and its stratum in each.
   */
  record PopulationChange(
      String structureId,
      Commune commune,
      long earlierPopulation,
      String earlierStratum,
      String laterStratum) {

    long laterPopulation() {
      return commune.population();
    }
  }

  /**
   * The earlier registry, the ids of the later structures it lacks and of its own that left, and
   * the stratum change (null when the later registry has no town hall above the second bound).
   */
  record CarriedBack(
      Registry registry,
      List<String> newInLater,
      List<String> leftAfter,
      PopulationChange populationChange) {}

  private RegistryHistory() {}

  /**
   * @param generator the generator that drew {@code later}, to draw the leavers after it
   * @param edition the earlier edition's settings, for its strata
   */
  static CarriedBack carryBack(
      Registry later, RegistryGenerator generator, Randoms random, EditionConfig edition) {
    int count = later.structures().size();
    List<String> leaverIds = new ArrayList<>();
    long leaving = Math.max(1, Math.round(count * LEFT_AFTER));
    for (int k = 1; k <= leaving; k++) {
      leaverIds.add(Registry.structureId(later.lastNumber() + LEAVER_GAP + k));
    }
    Registry leavers = generator.more(leaverIds);
    PopulationChange change = stratumChange(later, leavers, edition);

    List<Structure> candidates = new ArrayList<>(later.structures());
    if (change != null) {
      candidates.removeIf(s -> s.id().equals(change.structureId()));
    }
    Set<String> newInLater = new TreeSet<>();
    long absent = Math.min(candidates.size(), Math.round(count * NEW_IN_LATER));
    while (newInLater.size() < absent) {
      newInLater.add(random.pick(candidates).id());
    }

    List<Structure> structures = new ArrayList<>();
    List<Site> sites = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    for (Structure s : later.structures()) {
      if (newInLater.contains(s.id())) {
        continue;
      }
      double drift = random.gaussian(QUALITY_DRIFT, QUALITY_CHANGE_SD);
      structures.add(withQuality(s, s.quality() + drift));
      for (Site site : later.sitesOf(s.id())) {
        sites.add(withQuality(site, site.quality() + drift + random.gaussian(0, SITE_CHANGE_SD)));
      }
    }
    for (Order o : later.orders()) {
      if (!newInLater.contains(o.structureId())) {
        orders.add(o);
      }
    }
    structures.addAll(leavers.structures());
    sites.addAll(leavers.sites());
    orders.addAll(leavers.orders());
    return new CarriedBack(
        new Registry(structures, sites, orders),
        List.copyOf(newInLater),
        List.copyOf(leaverIds),
        change);
  }

  /**
   * The ACCEPTED town hall, alone in its commune, whose population is closest above a stratum bound
   * (not the first bound, the eligibility floor); in the earlier edition its commune had a little
   * fewer inhabitants than that bound: as far below it as half the distance above, plus one.
   */
  static PopulationChange stratumChange(Registry later, Registry leavers, EditionConfig edition) {
    Map<String, Integer> townHalls = new TreeMap<>();
    for (Registry r : List.of(later, leavers)) {
      for (Structure s : r.structures()) {
        if (isTownHall(s)) {
          townHalls.merge(s.commune().inseeCode(), 1, Integer::sum);
        }
      }
    }
    List<Long> bounds = edition.strata();
    PopulationChange best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Structure s : later.structures()) {
      Commune c = s.commune();
      if (!s.isAccepted()
          || !isTownHall(s)
          || !c.hasPopulation()
          || townHalls.get(c.inseeCode()) != 1) {
        continue;
      }
      long p = c.population();
      for (int i = 1; i < bounds.size(); i++) {
        long bound = bounds.get(i);
        long earlier = bound - 1 - (p - bound) / 2;
        double distance = (double) (p - bound) / bound;
        if (p >= bound
            && earlier >= edition.minCommunePopulation()
            && earlier >= bounds.get(i - 1)
            && distance < bestDistance) {
          bestDistance = distance;
          best =
              new PopulationChange(
                  s.id(), c, earlier, stratum(earlier, bounds), stratum(p, bounds));
        }
      }
    }
    return best;
  }

  /** S1..Sn by the half-open bands of the strata bounds, as the pipeline names them. */
  static String stratum(long population, List<Long> bounds) {
    for (int i = bounds.size() - 1; i >= 0; i--) {
      if (population >= bounds.get(i)) {
        return "S" + (i + 1);
      }
    }
    return null;
  }

  private static boolean isTownHall(Structure s) {
    return Subtypes.TOWN_HALL.equals(s.subtype());
  }

  private static Structure withQuality(Structure s, double quality) {
    return new Structure(
        s.id(),
        s.name(),
        s.category(),
        s.subtype(),
        s.commune(),
        s.epci(),
        s.status(),
        s.plan(),
        s.contactEmail(),
        quality);
  }

  private static Site withQuality(Site s, double quality) {
    return new Site(
        s.id(), s.structureId(), s.name(), s.commune(), s.main(), s.mysteryVisit(), quality);
  }
}
