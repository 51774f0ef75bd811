package fr.barometer.common.publish;

import fr.barometer.common.domain.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Secondary suppression of the published barometer (spec 4). Counts are published for every cell,
 * so wherever a published parent cell minus its published children leaves between 1 and k-1
 * structures, those few structures' figures could be recovered by difference (their sum is the
 * parent's minus the children's). This closes every such gap by suppressing more children.
 *
 * <p>Method, per measure, repeated until nothing changes: for each parent and family of child cells
 * (NATIONAL over the categories, over the strata and over the regions; a category over the strata
 * whose structures all belong to it), if the parent is published and its residual (parent count
 * minus the counts of its published children) is between 1 and k-1, the published child with the
 * fewest structures (ties: the smallest scope value) is suppressed too. A published child has at
 * least k structures, so one more suppression lifts the residual to k or more; choosing the
 * smallest child hides as little as possible, and the order of the loops makes it deterministic.
 */
public final class SecondarySuppression {
  private SecondarySuppression() {}

  /** One published cell of one measure. */
  public static final class Cell {
    final String scope;
    final String scopeValue;
    final long structures;
    boolean suppressed;
    boolean secondary;

    public Cell(String scope, String scopeValue, long structures, boolean suppressed) {
      this.scope = scope;
      this.scopeValue = scopeValue;
      this.structures = structures;
      this.suppressed = suppressed;
    }

    public String scope() {
      return scope;
    }

    public String scopeValue() {
      return scopeValue;
    }

    public long structures() {
      return structures;
    }

    public boolean suppressed() {
      return suppressed;
    }

    /** Suppressed by this method, not for its own count. */
    public boolean secondary() {
      return secondary;
    }
  }

  /** A parent cell and the child cells it contains. */
  public record Family(
      String parentScope, String parentValue, String childScope, Set<String> childValues) {
    boolean hasChild(Cell c) {
      return c.scope.equals(childScope)
          && (childValues == null || childValues.contains(c.scopeValue));
    }
  }

  /**
   * Suppresses more cells of one measure until no family leaks; {@code families} with a null
   * childValues take every cell of the child scope.
   */
  public static void apply(List<Cell> cells, List<Family> families, int k) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Family family : families) {
        changed |= closeGap(cells, family, k);
      }
    }
  }

  private static boolean closeGap(List<Cell> cells, Family family, int k) {
    Optional<Cell> parent =
        cells.stream()
            .filter(
                c ->
                    c.scope.equals(family.parentScope())
                        && c.scopeValue.equals(family.parentValue()))
            .findFirst();
    if (parent.isEmpty() || parent.get().suppressed) {
      return false;
    }
    List<Cell> published =
        cells.stream().filter(family::hasChild).filter(c -> !c.suppressed).toList();
    long residual = parent.get().structures - published.stream().mapToLong(c -> c.structures).sum();
    if (residual <= 0 || residual >= k || published.isEmpty()) {
      return false;
    }
    Cell smallest =
        published.stream()
            .min(
                Comparator.comparingLong((Cell c) -> c.structures).thenComparing(c -> c.scopeValue))
            .orElseThrow();
    smallest.suppressed = true;
    smallest.secondary = true;
    return true;
  }

  /**
   * The families of the barometer's scopes: NATIONAL over each other scope, and each category over
   * the strata lying wholly in it ({@code stratumCategories}: the categories of each stratum's
   * structures).
   */
  public static List<Family> families(Map<String, Set<String>> stratumCategories) {
    List<Family> families = new ArrayList<>();
    for (String scope : List.of(Scope.CATEGORY.name(), Scope.STRATUM.name(), Scope.REGION.name())) {
      families.add(new Family(Scope.NATIONAL.name(), Scope.FRANCE, scope, null));
    }
    Map<String, java.util.Set<String>> strataByCategory = new TreeMap<>();
    stratumCategories.forEach(
        (stratum, categories) -> {
          if (categories.size() == 1) {
            strataByCategory
                .computeIfAbsent(categories.iterator().next(), c -> new java.util.TreeSet<>())
                .add(stratum);
          }
        });
    strataByCategory.forEach(
        (category, strata) ->
            families.add(
                new Family(Scope.CATEGORY.name(), category, Scope.STRATUM.name(), strata)));
    return families;
  }
}
