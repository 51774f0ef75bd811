package fr.barometer.generator;

import static fr.barometer.generator.FrenchNames.of;
import static fr.barometer.generator.FrenchNames.ofDepartment;

import fr.barometer.common.domain.Category;
import fr.barometer.common.domain.Subtypes;
import java.util.List;

/**
 * A kind of participating structure (a category and a subtype), how often it applies, where it sits
 * and how it is named. The weights follow the mix of a national reception barometer: town halls
 * first, then health and social-security offices, libraries and pools, social services.
 */
record StructureKind(
    Category category, String subtype, double weight, Scope scope, Size size, Namer namer) {

  /** Where a structure of this kind sits. */
  enum Scope {
    /** A local service of one commune. */
    COMMUNE,
    /** A departmental body, usually at the department's main town, sometimes a local office. */
    DEPARTMENT,
    /** An intercommunality, at its main member commune. */
    INTERCOMMUNALITY
  }

  @FunctionalInterface
  interface Namer {
    String name(Commune commune, Epci epci, Randoms random);
  }

  /**
   * The communes a kind is found in: at least {@code minPopulation} inhabitants, drawn with weight
   * population ^ exponent (town halls of every size apply; universities are in large cities).
   */
  enum Size {
    TOWN(0.5, 3_500),
    CITY(0.8, 3_500),
    HOSPITAL_TOWN(0.8, 10_000),
    UNIVERSITY_CITY(1.0, 50_000);

    final double exponent;
    final long minPopulation;

    Size(double exponent, long minPopulation) {
      this.exponent = exponent;
      this.minPopulation = minPopulation;
    }
  }

  private static final Size TOWN = Size.TOWN;
  private static final Size CITY = Size.CITY;

  private static final List<String> EHPAD_NAMES =
      List.of(
          "Les Tilleuls",
          "Les Jardins du Lac",
          "La Roseraie",
          "Les Glycines",
          "Le Clos Fleuri",
          "Résidence du Parc",
          "Les Magnolias",
          "Saint-Joseph",
          "La Source",
          "Les Hortensias");
  private static final List<String> SCHOOL_NAMES =
      List.of(
          "Jean Moulin",
          "Victor Hugo",
          "Jules Ferry",
          "Marie Curie",
          "Louis Pasteur",
          "Jean Jaurès",
          "Simone Veil",
          "Albert Camus",
          "Condorcet",
          "Voltaire",
          "Paul Langevin",
          "Émile Zola",
          "George Sand",
          "Camille Claudel");
  private static final List<String> LIBRARY_NAMES =
      List.of(
          "Jules Verne",
          "Louise Michel",
          "Jacques Prévert",
          "Colette",
          "Aimé Césaire",
          "Boris Vian");

  static final List<StructureKind> ALL =
      List.of(
          local(
              Category.ADMINISTRATION,
              Subtypes.TOWN_HALL,
              27.0,
              TOWN,
              (c, e, r) -> "Mairie " + of(c.name())),
          new StructureKind(
              Category.ADMINISTRATION,
              Subtypes.INTERCOMMUNALITY,
              4.5,
              Scope.INTERCOMMUNALITY,
              CITY,
              (c, e, r) -> e.name()),
          departmental(
              Category.ADMINISTRATION,
              "Département",
              1.5,
              (c, e, r) -> "Conseil départemental " + ofDepartment(c)),
          local(
              Category.ADMINISTRATION,
              "Maison de services au public",
              2.5,
              TOWN,
              (c, e, r) -> "Maison de services au public " + of(c.name())),
          departmental(
              Category.ADMINISTRATION,
              "Préfecture",
              1.0,
              (c, e, r) -> "Préfecture " + ofDepartment(c)),
          departmental(
              Category.HEALTH_SOCIAL_SECURITY, "CAF", 3.5, (c, e, r) -> "Caf " + ofDepartment(c)),
          departmental(
              Category.HEALTH_SOCIAL_SECURITY, "CPAM", 3.5, (c, e, r) -> "CPAM " + ofDepartment(c)),
          local(
              Category.HEALTH_SOCIAL_SECURITY,
              "Hôpital",
              3.0,
              Size.HOSPITAL_TOWN,
              (c, e, r) -> "Centre hospitalier " + of(c.name())),
          local(
              Category.HEALTH_SOCIAL_SECURITY,
              "CARSAT",
              1.2,
              CITY,
              (c, e, r) -> "Carsat – agence retraite " + of(c.name())),
          departmental(
              Category.HEALTH_SOCIAL_SECURITY, "MSA", 0.8, (c, e, r) -> "MSA " + ofDepartment(c)),
          local(Category.SOCIAL, "CCAS", 4.5, TOWN, (c, e, r) -> "CCAS " + of(c.name())),
          local(
              Category.SOCIAL,
              "EHPAD",
              2.5,
              TOWN,
              (c, e, r) -> "EHPAD " + r.pick(EHPAD_NAMES) + " (" + c.name() + ")"),
          departmental(Category.SOCIAL, "MDPH", 1.5, (c, e, r) -> "MDPH " + ofDepartment(c)),
          local(
              Category.SOCIAL_HOUSING,
              "OPH",
              2.5,
              CITY,
              (c, e, r) ->
                  r.chance(0.5)
                      ? "Office public de l'habitat " + of(c.name())
                      : c.name() + " Habitat"),
          departmental(
              Category.SOCIAL_HOUSING, "ADIL", 1.0, (c, e, r) -> "ADIL " + ofDepartment(c)),
          local(
              Category.SOCIAL_HOUSING,
              "CROUS",
              1.5,
              Size.UNIVERSITY_CITY,
              (c, e, r) -> "Crous " + of(c.name())),
          local(
              Category.SECURITY,
              "Police municipale",
              3.0,
              TOWN,
              (c, e, r) -> "Police municipale " + of(c.name())),
          local(
              Category.SECURITY,
              "Gendarmerie",
              1.5,
              TOWN,
              (c, e, r) -> "Brigade de gendarmerie " + of(c.name())),
          local(
              Category.SECURITY,
              "Commissariat",
              1.0,
              CITY,
              (c, e, r) -> "Commissariat de police " + of(c.name())),
          departmental(Category.SECURITY, "SDIS", 0.5, (c, e, r) -> "SDIS " + ofDepartment(c)),
          local(
              Category.POSTAL,
              "La Poste",
              5.0,
              CITY,
              (c, e, r) ->
                  r.chance(0.6)
                      ? "Bureau de poste " + of(c.name())
                      : "La Poste " + c.name() + " principal"),
          local(
              Category.CULTURE_SPORT,
              "Médiathèque",
              3.5,
              TOWN,
              (c, e, r) ->
                  r.chance(0.6)
                      ? "Médiathèque " + of(c.name())
                      : "Médiathèque " + r.pick(LIBRARY_NAMES) + " (" + c.name() + ")"),
          local(
              Category.CULTURE_SPORT,
              "Piscine",
              2.5,
              TOWN,
              (c, e, r) -> "Piscine municipale " + of(c.name())),
          local(
              Category.CULTURE_SPORT,
              "Musée",
              1.5,
              CITY,
              (c, e, r) ->
                  r.chance(0.5)
                      ? "Musée municipal " + of(c.name())
                      : "Musée des Beaux-Arts " + of(c.name())),
          local(
              Category.CULTURE_SPORT,
              "Conservatoire",
              1.2,
              CITY,
              (c, e, r) -> "Conservatoire de musique et de danse " + of(c.name())),
          local(
              Category.CULTURE_SPORT,
              "Théâtre",
              0.8,
              CITY,
              (c, e, r) -> "Théâtre municipal " + of(c.name())),
          local(
              Category.EMPLOYMENT,
              "Pôle emploi",
              3.5,
              CITY,
              (c, e, r) -> "Pôle emploi " + c.name()),
          local(
              Category.EMPLOYMENT,
              "Mission locale",
              1.5,
              TOWN,
              (c, e, r) -> "Mission locale " + of(c.name())),
          local(
              Category.UTILITIES, "Eau", 1.8, TOWN, (c, e, r) -> "Régie des eaux " + of(c.name())),
          departmental(
              Category.UTILITIES,
              "Énergie",
              0.6,
              (c, e, r) -> "Syndicat départemental d'énergie " + ofDepartment(c)),
          local(
              Category.UTILITIES,
              "Déchets",
              0.6,
              TOWN,
              (c, e, r) -> "Service de collecte des déchets " + of(c.name())),
          local(
              Category.TRANSPORT,
              "Transport urbain",
              2.0,
              CITY,
              (c, e, r) -> "Réseau de transport urbain " + of(c.name())),
          local(Category.TRANSPORT, "Gare", 1.0, CITY, (c, e, r) -> "Gare SNCF " + of(c.name())),
          local(
              Category.EDUCATION,
              "Lycée",
              1.2,
              TOWN,
              (c, e, r) -> "Lycée " + r.pick(SCHOOL_NAMES) + " (" + c.name() + ")"),
          local(
              Category.EDUCATION,
              "Collège",
              0.8,
              TOWN,
              (c, e, r) -> "Collège " + r.pick(SCHOOL_NAMES) + " (" + c.name() + ")"),
          local(
              Category.EDUCATION,
              "Université",
              0.6,
              Size.UNIVERSITY_CITY,
              (c, e, r) -> "Université " + of(c.name())),
          local(
              Category.EDUCATION,
              "Rectorat",
              0.4,
              Size.UNIVERSITY_CITY,
              (c, e, r) -> "Rectorat de l'académie " + of(c.name())),
          departmental(Category.CONSULAR, "CCI", 0.9, (c, e, r) -> "CCI " + ofDepartment(c)),
          departmental(
              Category.CONSULAR,
              "Chambre de métiers",
              0.7,
              (c, e, r) -> "Chambre de métiers et de l'artisanat " + ofDepartment(c)),
          departmental(
              Category.CONSULAR,
              "Chambre d'agriculture",
              0.4,
              (c, e, r) -> "Chambre d'agriculture " + ofDepartment(c)));

  private static StructureKind local(
      Category category, String subtype, double weight, Size size, Namer namer) {
    return new StructureKind(category, subtype, weight, Scope.COMMUNE, size, namer);
  }

  private static StructureKind departmental(
      Category category, String subtype, double weight, Namer namer) {
    return new StructureKind(category, subtype, weight, Scope.DEPARTMENT, CITY, namer);
  }

  boolean isTownHall() {
    return Subtypes.TOWN_HALL.equals(subtype);
  }
}
