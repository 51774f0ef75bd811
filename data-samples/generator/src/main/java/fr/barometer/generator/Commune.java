package fr.barometer.generator;

/** A French commune of the shipped reference data; population is null when INSEE gives none. */
record Commune(
    String inseeCode,
    String name,
    String departmentCode,
    String departmentName,
    String regionCode,
    String regionName,
    Long population,
    String epciSiren) {

  long populationOrZero() {
    return population == null ? 0 : population;
  }

  boolean hasPopulation() {
    return population != null;
  }
}
