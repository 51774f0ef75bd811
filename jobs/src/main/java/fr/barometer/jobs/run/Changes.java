package fr.barometer.jobs.run;

import fr.barometer.common.io.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changed in the warehouse since the edition's last completed run, for the steps to decide
 * whether they have anything to compute. A step whose input tables hold the same rows of the
 * edition as after that run (no commit since touched the edition's partition) would write the same
 * tables: it is skipped. Without a last run computed by this very pipeline version (or with {@code
 * --full}), every step runs.
 */
public final class Changes {
  /** No last run to compare with: every step runs. */
  public static final Changes NONE = new Changes(null, 0, null, Map.of());

  private final Warehouse warehouse;
  private final int edition;
  private final String lastRun;
  private final Map<String, Long> versions;

  private Changes(Warehouse warehouse, int edition, String lastRun, Map<String, Long> versions) {
    this.warehouse = warehouse;
    this.edition = edition;
    this.lastRun = lastRun;
    this.versions = versions;
  }

  /** Changes since the run, whose table versions run_tables recorded. */
  public static Changes since(Warehouse warehouse, int edition, String lastRun) {
    return new Changes(warehouse, edition, lastRun, RunTables.versions(warehouse, lastRun));
  }

  /** The run compared with; null for {@link #NONE}. */
  public String lastRun() {
    return lastRun;
  }

  /**
   * Why a step must run: the first of its inputs whose rows of the edition changed since the last
   * run ({@code editionInputs}), or that changed at all ({@code anyEditionInputs}, for steps that
   * read other editions too); empty when none did.
   */
  public Optional<String> why(List<String> editionInputs, List<String> anyEditionInputs) {
    if (lastRun == null) {
      return Optional.of("no earlier run of this pipeline version to compare with");
    }
    for (String table : editionInputs) {
      Long version = versions.get(table);
      if (version == null || warehouse.editionChangedSince(table, edition, version)) {
        return Optional.of(table + " changed");
      }
    }
    for (String table : anyEditionInputs) {
      Long version = versions.get(table);
      if (version == null
          || !warehouse.exists(table)
          || warehouse.lastCommit(table).version() != version) {
        return Optional.of(table + " changed");
      }
    }
    return Optional.empty();
  }
}
