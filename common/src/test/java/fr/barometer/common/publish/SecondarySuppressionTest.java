package fr.barometer.common.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.publish.SecondarySuppression.Cell;
import fr.barometer.common.publish.SecondarySuppression.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SecondarySuppressionTest {
  private static final int K = 5;

  private static Cell cell(String scope, String value, long n) {
    return new Cell(scope, value, n, n < K);
  }

  /**
   * A layout built to tempt a differencing attack, k = 5: 40 structures; categories 20 + 12 + 6 + 2
   * (the last below k); regions 18 + 17 + 5 (published) - so NATIONAL minus the published
   * categories isolates the 2, and ADMINISTRATION (20) minus its published strata S1 (9) and S2 (8)
   * isolates the 3 town halls of S3.
   */
  private static List<Cell> tempting() {
    return new ArrayList<>(
        List.of(
            cell("NATIONAL", "FRANCE", 40),
            cell("CATEGORY", "ADMINISTRATION", 20),
            cell("CATEGORY", "POSTAL", 12),
            cell("CATEGORY", "SOCIAL", 6),
            cell("CATEGORY", "CONSULAR", 2),
            cell("STRATUM", "S1", 9),
            cell("STRATUM", "S2", 8),
            cell("STRATUM", "S3", 3),
            cell("REGION", "11", 18),
            cell("REGION", "53", 17),
            cell("REGION", "84", 5)));
  }

  private static List<Family> families() {
    return SecondarySuppression.families(
        Map.of(
            "S1",
            Set.of("ADMINISTRATION"),
            "S2",
            Set.of("ADMINISTRATION"),
            "S3",
            Set.of("ADMINISTRATION")));
  }

  @Test
  void theSmallestSiblingIsHiddenToo() {
    List<Cell> cells = tempting();
    SecondarySuppression.apply(cells, families(), K);
    Map<String, String> fate =
        cells.stream()
            .collect(
                Collectors.toMap(
                    c -> c.scope() + "/" + c.scopeValue(),
                    c -> !c.suppressed() ? "published" : c.secondary() ? "secondary" : "primary"));
    assertEquals("primary", fate.get("CATEGORY/CONSULAR"));
    assertEquals(
        "secondary", fate.get("CATEGORY/SOCIAL"), "the smallest published category: 6 < 12 < 20");
    assertEquals("published", fate.get("CATEGORY/POSTAL"));
    assertEquals("primary", fate.get("STRATUM/S3"));
    assertEquals("secondary", fate.get("STRATUM/S2"), "8 < 9");
    assertEquals("published", fate.get("STRATUM/S1"));
    assertEquals("published", fate.get("REGION/84"), "regions cover NATIONAL exactly: residual 0");
    assertEquals("published", fate.get("NATIONAL/FRANCE"));
  }

  @Test
  void noDifferenceOfPublishedCellsIsolatesFewerThanK() {
    List<Cell> cells = tempting();
    SecondarySuppression.apply(cells, families(), K);
    // The attacker's best move: for every parent, subtract every published child it contains.
    for (Family family : families()) {
      Cell parent =
          cells.stream()
              .filter(
                  c ->
                      c.scope().equals(family.parentScope())
                          && c.scopeValue().equals(family.parentValue()))
              .findFirst()
              .orElseThrow();
      if (parent.suppressed()) {
        continue;
      }
      long residual =
          parent.structures()
              - cells.stream()
                  .filter(
                      c ->
                          c.scope().equals(family.childScope())
                              && (family.childValues() == null
                                  || family.childValues().contains(c.scopeValue())))
                  .filter(c -> !c.suppressed())
                  .mapToLong(Cell::structures)
                  .sum();
      assertTrue(
          residual == 0 || residual >= K,
          family + " leaves " + residual + " structures to a differencing attack");
    }
  }

  @Test
  void theSameLayoutWithoutSecondarySuppressionWouldLeak() {
    List<Cell> cells = tempting();
    long published =
        cells.stream()
            .filter(c -> c.scope().equals("CATEGORY") && !c.suppressed())
            .mapToLong(Cell::structures)
            .sum();
    assertEquals(
        2, 40 - published, "NATIONAL minus the published categories isolates CONSULAR's 2");
  }

  @Test
  void nothingMoreIsHiddenWhenNothingLeaks() {
    List<Cell> cells =
        new ArrayList<>(
            List.of(
                cell("NATIONAL", "FRANCE", 30),
                cell("CATEGORY", "ADMINISTRATION", 20),
                cell("CATEGORY", "POSTAL", 10)));
    SecondarySuppression.apply(cells, families(), K);
    assertFalse(cells.stream().anyMatch(Cell::suppressed));
  }

  @Test
  void aStratumSpreadOverTwoCategoriesMakesNoCategoryFamily() {
    List<Family> families =
        SecondarySuppression.families(Map.of("S6", Set.of("ADMINISTRATION", "SOCIAL")));
    assertEquals(3, families.size(), "only NATIONAL over categories, strata and regions");
  }
}
