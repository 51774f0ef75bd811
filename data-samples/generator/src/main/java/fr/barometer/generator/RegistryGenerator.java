package fr.barometer.generator;

import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Plan;
import fr.barometer.generator.Registry.Order;
import fr.barometer.generator.Registry.Site;
import fr.barometer.generator.Registry.Structure;
import fr.barometer.generator.StructureKind.Scope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the structures that applied to the campaign, placed on real communes. Most sit in communes
 * of at least 3,500 inhabitants, the campaign's eligibility floor; a few percent applied from
 * smaller communes (or one of the overseas entries without a population) and will be ruled
 * ineligible by the pipeline, as happens every year.
 */
final class RegistryGenerator {
  static final long MIN_ELIGIBLE_POPULATION = 3500;
  private static final double SMALL_COMMUNE_SHARE = 0.03;
  private static final double UNKNOWN_POPULATION_SHARE = 0.002;
  private static final int MAX_REDRAWS = 30;

  /** Where a structure applies from: an eligible commune, a small one, one without population. */
  private static final byte ELIGIBLE = 0;

  private static final byte SMALL = 1;
  private static final byte UNKNOWN = 2;
  private static final List<String> ANNEX_NAMES =
      List.of(
          "antenne Nord",
          "antenne Sud",
          "antenne Est",
          "antenne Ouest",
          "annexe du centre-ville",
          "point d'accueil de la gare",
          "agence des quartiers",
          "pôle Solidarités",
          "espace citoyen");
  private static final List<String> MAILBOXES =
      List.of(
          "accueil",
          "contact",
          "qualite",
          "relation.usagers",
          "direction",
          "accueil.public",
          "secretariat");

  private final Communes communes;
  private final Randoms random;
  private final WeightedPicker<StructureKind> kinds;
  private final WeightedPicker<StructureKind> villageKinds;
  private final Map<StructureKind.Size, WeightedPicker<Commune>> eligibleBySize =
      new EnumMap<>(StructureKind.Size.class);
  private final WeightedPicker<Commune> smallCommunes;
  private final List<Commune> unknownPopulation;
  private final WeightedPicker<Epci> epcis;
  private final Set<String> townHallCommunes = new HashSet<>();
  private final Set<String> intercommunalities = new HashSet<>();

  RegistryGenerator(Communes communes, Randoms random) {
    this.communes = communes;
    this.random = random;
    this.kinds = new WeightedPicker<>(StructureKind.ALL, StructureKind::weight);
    // Only the services a village has (town hall, library, CCAS...) apply from small communes.
    this.villageKinds =
        new WeightedPicker<>(
            StructureKind.ALL.stream()
                .filter(k -> k.scope() == Scope.COMMUNE && k.size() == StructureKind.Size.TOWN)
                .toList(),
            StructureKind::weight);
    this.smallCommunes =
        new WeightedPicker<>(
            communes.all().stream()
                .filter(c -> c.hasPopulation() && c.population() < MIN_ELIGIBLE_POPULATION)
                .toList(),
            c -> c.populationOrZero());
    this.unknownPopulation = communes.all().stream().filter(c -> !c.hasPopulation()).toList();
    this.epcis =
        new WeightedPicker<>(
            communes.epcis().stream().filter(e -> !communes.membersOf(e).isEmpty()).toList(),
            Epci::population);
  }

  Registry generate(int count) {
    byte[] placement = placementPlan(count);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(Registry.structureId(i));
    }
    return draw(ids, placement);
  }

  /**
   * More applicants, from eligible communes, drawn after those of {@link #generate} (which they do
   * not change) and never in a town hall's or an intercommunality's place already taken.
   */
  Registry more(List<String> ids) {
    return draw(ids, new byte[ids.size()]);
  }

  private Registry draw(List<String> ids, byte[] placement) {
    List<Structure> structures = new ArrayList<>();
    List<Site> sites = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Structure s = structure(ids.get(i), placement[i]);
      structures.add(s);
      sites.addAll(sitesOf(s));
      if (s.isPersonalized()) {
        orders.add(new Order(s.id(), random.chance(0.45), random.chance(0.08)));
      }
    }
    return new Registry(structures, sites, orders);
  }

  /** Which structures apply from an ineligible commune: fixed counts, so every sample has some. */
  private byte[] placementPlan(int count) {
    byte[] plan = new byte[count];
    if (count < 10) {
      return plan;
    }
    int small = (int) Math.max(2, Math.round(count * SMALL_COMMUNE_SHARE));
    int unknown = (int) Math.min(10, Math.max(1, Math.round(count * UNKNOWN_POPULATION_SHARE)));
    mark(plan, SMALL, small);
    mark(plan, UNKNOWN, unknown);
    return plan;
  }

  private void mark(byte[] plan, byte kind, int howMany) {
    for (int done = 0; done < howMany; ) {
      int i = random.below(plan.length);
      if (plan[i] == ELIGIBLE) {
        plan[i] = kind;
        done++;
      }
    }
  }

  private Structure structure(String id, byte placement) {
    StructureKind kind = placement == ELIGIBLE ? kinds.pick(random) : villageKinds.pick(random);
    Epci epci = kind.scope() == Scope.INTERCOMMUNALITY ? intercommunality() : null;
    Commune commune =
        switch (kind.scope()) {
          case INTERCOMMUNALITY -> mainMember(epci);
          case DEPARTMENT -> eligible(kind.size()).pick(random);
          case COMMUNE -> localCommune(kind, placement);
        };
    String name = kind.namer().name(commune, epci, random);
    if (kind.scope() == Scope.DEPARTMENT) {
      // Departmental bodies mostly apply for their head office, sometimes for a local office.
      Commune seat = communes.departmentSeat(commune.departmentCode());
      if (random.chance(0.6) || seat.equals(commune)) {
        commune = seat;
      } else {
        name = name + " – accueil " + FrenchNames.of(commune.name());
      }
    }
    ApplicationStatus status =
        random.weighted(
            List.of(
                ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED, ApplicationStatus.PENDING),
            0.90,
            0.06,
            0.04);
    Plan plan = random.chance(0.25) ? Plan.PERSONALIZED : Plan.STANDARD;
    double quality = QualityModel.structureQuality(kind.category(), commune, random);
    return new Structure(
        id,
        name,
        kind.category(),
        kind.subtype(),
        commune,
        epci,
        status,
        plan,
        contactEmail(kind, commune, epci),
        quality);
  }

  private WeightedPicker<Commune> eligible(StructureKind.Size size) {
    return eligibleBySize.computeIfAbsent(
        size,
        s ->
            new WeightedPicker<>(
                communes.all().stream()
                    .filter(
                        c ->
                            c.populationOrZero()
                                >= Math.max(MIN_ELIGIBLE_POPULATION, s.minPopulation))
                    .toList(),
                c -> Math.pow(c.populationOrZero(), s.exponent)));
  }

  private Commune localCommune(StructureKind kind, byte placement) {
    if (placement == UNKNOWN) {
      return random.pick(unknownPopulation);
    }
    WeightedPicker<Commune> picker = placement == SMALL ? smallCommunes : eligible(kind.size());
    if (!kind.isTownHall()) {
      return picker.pick(random);
    }
    // One town hall per commune; when the large communes run out, smaller ones apply.
    for (WeightedPicker<Commune> p : List.of(picker, smallCommunes)) {
      for (int tries = 0; tries < MAX_REDRAWS; tries++) {
        Commune c = p.pick(random);
        if (townHallCommunes.add(c.inseeCode())) {
          return c;
        }
      }
    }
    return picker.pick(random);
  }

  private Epci intercommunality() {
    Epci epci = epcis.pick(random);
    for (int tries = 0; tries < MAX_REDRAWS && !intercommunalities.add(epci.siren()); tries++) {
      epci = epcis.pick(random);
    }
    return epci;
  }

  /** An intercommunality is registered at its most populous member, usually its seat. */
  private Commune mainMember(Epci epci) {
    Commune best = null;
    for (Commune c : communes.membersOf(epci)) {
      if (best == null || c.populationOrZero() > best.populationOrZero()) {
        best = c;
      }
    }
    return best;
  }

  private List<Site> sitesOf(Structure s) {
    List<Site> sites = new ArrayList<>();
    double visitShare = s.isPersonalized() ? 0.30 : 0.22;
    sites.add(
        new Site(
            s.id() + "-M",
            s.id(),
            s.name(),
            s.commune(),
            true,
            random.chance(visitShare),
            QualityModel.siteQuality(s.quality(), true, random)));
    if (!s.isPersonalized()) {
      return sites;
    }
    int additional = 1 + random.weightedIndex(0.40, 0.30, 0.20, 0.10);
    List<String> annexes = new ArrayList<>(ANNEX_NAMES);
    for (int k = 1; k <= additional; k++) {
      String annex = annexes.remove(random.below(annexes.size()));
      Commune commune = random.chance(0.7) ? s.commune() : neighbour(s.commune());
      String name = s.name() + " – " + annex;
      sites.add(
          new Site(
              s.id() + "-A" + k,
              s.id(),
              name,
              commune,
              false,
              random.chance(0.30),
              QualityModel.siteQuality(s.quality(), false, random)));
    }
    return sites;
  }

  /** Another commune of the same department, the bigger the likelier. */
  private Commune neighbour(Commune commune) {
    List<Commune> department = communes.ofDepartment(commune.departmentCode());
    return new WeightedPicker<>(department, c -> Math.sqrt(c.populationOrZero() + 1.0))
        .pick(random);
  }

  private String contactEmail(StructureKind kind, Commune commune, Epci epci) {
    String domain;
    if (epci != null) {
      domain = FrenchNames.slug(epci.name());
    } else if (kind.isTownHall()) {
      domain = (random.chance(0.5) ? "mairie-" : "ville-") + FrenchNames.slug(commune.name());
    } else if (kind.scope() == Scope.DEPARTMENT) {
      domain = FrenchNames.slug(kind.subtype()) + "-" + FrenchNames.slug(commune.departmentName());
    } else {
      domain = FrenchNames.slug(kind.subtype()) + "-" + FrenchNames.slug(commune.name());
    }
    return random.pick(MAILBOXES) + "@" + domain + ".fr";
  }
}
