package fr.barometer.common.score;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Subtypes;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one definition of eligibility, strata and peer groups (spec 3). Every later step takes its
 * participating structures from {@link #participating(Dataset)}, so an ineligible structure can
 * appear in no other output.
 */
public final class Eligibility {

  /** Why an ACCEPTED structure is not eligible: the {@code reason} column. */
  public enum Reason {
    /** The main site's commune is not in the reference, or its population is empty. */
    COMMUNE_POPULATION_UNKNOWN,
    COMMUNE_POPULATION_BELOW_MINIMUM,
    /** An intercommunality without EPCI, with one not in the reference, or without population. */
    EPCI_UNKNOWN,
    EPCI_POPULATION_BELOW_MINIMUM
  }

  private Eligibility() {}

  /**
   * One row per ACCEPTED structure of the edition: edition, structure_id, category, subtype, plan,
   * insee_code, epci_siren, region_code, department_code, population, eligible, reason, stratum,
   * peer_group.
   *
   * <ul>
   *   <li>{@code population} (long): the main site's commune's, or the EPCI's for an
   *       intercommunality; null when unknown.
   *   <li>{@code epci_siren}: the structure's own EPCI, else (not for an intercommunality) the EPCI
   *       of its commune; region and department come from the commune.
   *   <li>{@code reason}: null when eligible, else a {@link Reason} name.
   *   <li>{@code stratum}: for an eligible town hall (subtype MAIRIE) S1..Sn by the half-open
   *       population bands of {@code config.strata()}; S(n+1) for an eligible intercommunality;
   *       else null. A town hall below the first band (only when the minimum population is lower
   *       than the first bound) has none.
   *   <li>{@code peer_group}: the stratum when there is one, else the category; null when not
   *       eligible, since an ineligible structure is compared with no one.
   * </ul>
   */
  public static Dataset<Row> eligibility(
      Dataset<Row> structures, Dataset<Row> communes, Dataset<Row> epci, EditionConfig config) {
    Column isIntercommunality = subtypeIs(Subtypes.INTERCOMMUNALITY);
    Column isTownHall = subtypeIs(Subtypes.TOWN_HALL);
    Column population =
        when(isIntercommunality, col("epci_population")).otherwise(col("commune_population"));
    Column reason = reason(isIntercommunality, config);
    Column eligible = reason.isNull();
    Column stratum =
        when(eligible.and(isTownHall), townHallStratum(population, config.strata()))
            .when(eligible.and(isIntercommunality), lit(intercommunalityStratum(config)));
    return accepted(structures, config)
        .join(communesOf(communes, config), col("insee_code").equalTo(col("commune_insee")), "left")
        .join(epciOf(epci, config), col("structure_epci").equalTo(col("epci_siren_ref")), "left")
        .select(
            col("edition"),
            col("structure_id"),
            col("category"),
            col("subtype"),
            col("plan"),
            col("insee_code"),
            when(isIntercommunality, col("structure_epci"))
                .otherwise(coalesce(col("structure_epci"), col("commune_epci")))
                .as("epci_siren"),
            col("region_code"),
            col("department_code"),
            population.cast("long").as("population"),
            eligible.as("eligible"),
            reason.as("reason"),
            stratum.as("stratum"),
            when(eligible, coalesce(stratum, col("category"))).as("peer_group"));
  }

  /** The participating structures: the eligible rows of {@code eligibility}. */
  public static Dataset<Row> participating(Dataset<Row> eligibility) {
    return eligibility.where(col("eligible"));
  }

  /** The intercommunalities' stratum: the one after the town halls' bands (S6 by default). */
  public static String intercommunalityStratum(EditionConfig config) {
    return stratumName(config.strata().size());
  }

  private static String stratumName(int index) {
    return "S" + (index + 1);
  }

  /** Highest band first, so each population falls in the half-open band [bound_i, bound_i+1). */
  private static Column townHallStratum(Column population, List<Long> bounds) {
    Column stratum = null;
    for (int i = bounds.size() - 1; i >= 0; i--) {
      Column inBand = population.geq(bounds.get(i));
      stratum =
          stratum == null
              ? when(inBand, lit(stratumName(i)))
              : stratum.when(inBand, lit(stratumName(i)));
    }
    return stratum;
  }

  private static Column reason(Column isIntercommunality, EditionConfig config) {
    return when(
            isIntercommunality.and(col("epci_population").isNull()),
            lit(Reason.EPCI_UNKNOWN.name()))
        .when(
            isIntercommunality.and(col("epci_population").lt(config.minEpciPopulation())),
            lit(Reason.EPCI_POPULATION_BELOW_MINIMUM.name()))
        .when(isIntercommunality, lit(null).cast("string"))
        .when(col("commune_population").isNull(), lit(Reason.COMMUNE_POPULATION_UNKNOWN.name()))
        .when(
            col("commune_population").lt(config.minCommunePopulation()),
            lit(Reason.COMMUNE_POPULATION_BELOW_MINIMUM.name()));
  }

  /** Subtype is free text: compared without regard to case or surrounding spaces. */
  private static Column subtypeIs(String subtype) {
    return coalesce(upper(trim(col("subtype"))).equalTo(subtype), lit(false));
  }

  private static Dataset<Row> accepted(Dataset<Row> structures, EditionConfig config) {
    return structures
        .where(
            col("edition")
                .equalTo(config.edition())
                .and(col("application_status").equalTo(ApplicationStatus.ACCEPTED.name())))
        .select(
            col("edition"),
            col("structure_id"),
            col("category"),
            col("subtype"),
            col("plan"),
            col("insee_code"),
            blankToNull(col("epci_siren")).as("structure_epci"));
  }

  private static Dataset<Row> communesOf(Dataset<Row> communes, EditionConfig config) {
    return communes
        .where(col("edition").equalTo(config.edition()))
        .select(
            col("insee_code").as("commune_insee"),
            col("population").as("commune_population"),
            col("region_code"),
            col("department_code"),
            blankToNull(col("epci_siren")).as("commune_epci"));
  }

  private static Dataset<Row> epciOf(Dataset<Row> epci, EditionConfig config) {
    return epci.where(col("edition").equalTo(config.edition()))
        .select(col("siren").as("epci_siren_ref"), col("population").as("epci_population"));
  }

  private static Column blankToNull(Column text) {
    return when(trim(text).notEqual(""), text);
  }
}
