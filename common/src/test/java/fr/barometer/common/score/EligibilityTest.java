package fr.barometer.common.score;

import static fr.barometer.common.score.ScoringFixture.EDITION;
import static fr.barometer.common.score.ScoringFixture.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Schemas;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eligibility with the 2017 settings: communes from 3,500, EPCI from 5,000, strata bounds 3,500 /
 * 10,000 / 20,000 / 50,000 / 100,000.
 */
class EligibilityTest {
  private static Map<String, Row> byStructure;

  @BeforeAll
  static void computeEligibility() {
    Dataset<Row> structures =
        frame(
            Schemas.STRUCTURES,
            townHall("M3499", "03499"),
            townHall("M3500", "03500"),
            townHall("M9999", "09999"),
            townHall("M10000", "10000"),
            townHall("M19999", "19999"),
            townHall("M20000", "20000"),
            townHall("M49999", "49999"),
            townHall("M50000", "50000"),
            townHall("M99999", "99999"),
            townHall("M100000", "2A004"),
            townHall("MEMPTY", "00000"),
            townHall("MUNKNOWN", "77777"),
            intercommunality("I4999", "200004999"),
            intercommunality("I5000", "200005000"),
            intercommunality("IUNKNOWN", "299999999"),
            intercommunality("INOSIREN", null),
            structure("CAF", "HEALTH_SOCIAL_SECURITY", "CAF", "50000", null, "ACCEPTED"),
            structure("SMALLCAF", "HEALTH_SOCIAL_SECURITY", "CAF", "03499", null, "ACCEPTED"),
            structure("PENDING", "ADMINISTRATION", "MAIRIE", "50000", null, "PENDING"),
            structure("REJECTED", "ADMINISTRATION", "MAIRIE", "50000", null, "REJECTED"),
            // The same id in another edition must not leak into 2017.
            RowFactory.create(
                2016,
                "M3500",
                "old",
                "ADMINISTRATION",
                "MAIRIE",
                "50000",
                null,
                "ACCEPTED",
                "STANDARD",
                null));
    Dataset<Row> communes =
        frame(
            Schemas.COMMUNES,
            commune("03499", 3_499L),
            commune("03500", 3_500L),
            commune("09999", 9_999L),
            commune("10000", 10_000L),
            commune("19999", 19_999L),
            commune("20000", 20_000L),
            commune("49999", 49_999L),
            commune("50000", 50_000L),
            commune("99999", 99_999L),
            commune("2A004", 100_000L),
            commune("00000", null),
            commune("01000", 1_000L));
    Dataset<Row> epci =
        frame(
            Schemas.EPCI,
            RowFactory.create(EDITION, "200004999", "CC Petite", "CC", 4_999L, 4),
            RowFactory.create(EDITION, "200005000", "CC Seuil", "CC", 5_000L, 5));
    Dataset<Row> eligibility =
        Eligibility.eligibility(structures, communes, epci, EditionConfig.defaults());
    byStructure = ScoringTest.index(eligibility, "structure_id");
    assertArrayEquals(
        new String[] {
          "edition",
          "structure_id",
          "category",
          "subtype",
          "plan",
          "insee_code",
          "epci_siren",
          "region_code",
          "department_code",
          "population",
          "eligible",
          "reason",
          "stratum",
          "peer_group"
        },
        eligibility.columns());
  }

  @Test
  void communeThresholdAndFirstStratum() {
    assertIneligible("M3499", 3_499L, "COMMUNE_POPULATION_BELOW_MINIMUM");
    assertEligible("M3500", 3_500L, "S1", "S1");
    assertEligible("M9999", 9_999L, "S1", "S1");
  }

  @Test
  void strataAreHalfOpenBands() {
    assertEligible("M10000", 10_000L, "S2", "S2");
    assertEligible("M19999", 19_999L, "S2", "S2");
    assertEligible("M20000", 20_000L, "S3", "S3");
    assertEligible("M49999", 49_999L, "S3", "S3");
    assertEligible("M50000", 50_000L, "S4", "S4");
    assertEligible("M99999", 99_999L, "S4", "S4");
    assertEligible("M100000", 100_000L, "S5", "S5");
  }

  @Test
  void communeWithoutPopulation() {
    assertIneligible("MEMPTY", null, "COMMUNE_POPULATION_UNKNOWN");
    assertIneligible("MUNKNOWN", null, "COMMUNE_POPULATION_UNKNOWN");
  }

  @Test
  void intercommunalitiesUseTheirEpciPopulation() {
    // Their commune (01000) has 1,000 inhabitants: only the EPCI counts.
    assertIneligible("I4999", 4_999L, "EPCI_POPULATION_BELOW_MINIMUM");
    assertEligible("I5000", 5_000L, "S6", "S6");
    assertIneligible("IUNKNOWN", null, "EPCI_UNKNOWN");
    assertIneligible("INOSIREN", null, "EPCI_UNKNOWN");
    assertEquals("200005000", byStructure.get("I5000").getAs("epci_siren"));
  }

  @Test
  void otherStructuresArePositionedInTheirCategory() {
    assertEligible("CAF", 50_000L, null, "HEALTH_SOCIAL_SECURITY");
    assertIneligible("SMALLCAF", 3_499L, "COMMUNE_POPULATION_BELOW_MINIMUM");
  }

  @Test
  void onlyAcceptedStructuresOfTheEdition() {
    assertFalse(byStructure.containsKey("PENDING"));
    assertFalse(byStructure.containsKey("REJECTED"));
    assertEquals(EDITION, (Integer) byStructure.get("M3500").getAs("edition"));
    assertEquals(18, byStructure.size());
  }

  @Test
  void territoryComesFromTheCommune() {
    Row m = byStructure.get("M50000");
    assertEquals("11", m.getAs("region_code"));
    assertEquals("75", m.getAs("department_code"));
    assertEquals("50000", m.getAs("insee_code"));
    assertEquals("200000001", m.getAs("epci_siren")); // the commune's EPCI
    assertEquals("STANDARD", m.getAs("plan"));
    assertEquals("MAIRIE", m.getAs("subtype"));
    assertEquals("ADMINISTRATION", m.getAs("category"));
  }

  @Test
  void participatingKeepsEligibleRowsOnly() {
    Dataset<Row> structures =
        frame(Schemas.STRUCTURES, townHall("M3499", "03499"), townHall("M3500", "03500"));
    Dataset<Row> communes =
        frame(Schemas.COMMUNES, commune("03499", 3_499L), commune("03500", 3_500L));
    Dataset<Row> epci = frame(Schemas.EPCI);
    List<Row> participating =
        Eligibility.participating(
                Eligibility.eligibility(structures, communes, epci, EditionConfig.defaults()))
            .collectAsList();
    assertEquals(1, participating.size());
    assertEquals("M3500", participating.get(0).getAs("structure_id"));
  }

  private static void assertEligible(String id, Long population, String stratum, String peerGroup) {
    Row r = byStructure.get(id);
    assertEquals(population, r.getAs("population"), id);
    assertTrue((Boolean) r.getAs("eligible"), id);
    assertNull(r.getAs("reason"), id);
    assertEquals(stratum, r.getAs("stratum"), id);
    assertEquals(peerGroup, r.getAs("peer_group"), id);
  }

  private static void assertIneligible(String id, Long population, String reason) {
    Row r = byStructure.get(id);
    assertEquals(population, r.getAs("population"), id);
    assertFalse((Boolean) r.getAs("eligible"), id);
    assertEquals(reason, r.getAs("reason"), id);
    assertNull(r.getAs("stratum"), id);
    assertNull(r.getAs("peer_group"), id);
  }

  private static Row townHall(String id, String insee) {
    return structure(id, "ADMINISTRATION", "MAIRIE", insee, null, "ACCEPTED");
  }

  private static Row intercommunality(String id, String siren) {
    return structure(id, "ADMINISTRATION", "INTERCOMMUNALITE", "01000", siren, "ACCEPTED");
  }

  private static Row structure(
      String id, String category, String subtype, String insee, String epci, String status) {
    return RowFactory.create(
        EDITION, id, "Structure " + id, category, subtype, insee, epci, status, "STANDARD", null);
  }

  private static Row commune(String insee, Long population) {
    return RowFactory.create(
        EDITION,
        insee,
        "Commune " + insee,
        "75",
        "Paris",
        "11",
        "Île-de-France",
        population,
        "200000001");
  }
}
