package fr.barometer.common.io;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.BarometerException;
import java.util.List;
import org.apache.spark.sql.Row;

/** The settings an edition was ingested with, read back by the steps that follow ingestion. */
public final class EditionSettings {
  private EditionSettings() {}

  public static EditionConfig of(Warehouse warehouse, int edition) {
    if (!warehouse.exists(Tables.EDITION_SETTINGS)) {
      throw new BarometerException(
          "Cannot process edition "
              + edition
              + ": the warehouse "
              + warehouse.root()
              + " holds no ingested edition; run 'barometer run --landing DIR' first");
    }
    List<Row> rows =
        warehouse.read(Tables.EDITION_SETTINGS, edition).select("settings_json").collectAsList();
    if (rows.isEmpty()) {
      throw new BarometerException(
          "Cannot process edition "
              + edition
              + ": it was never ingested in "
              + warehouse.root()
              + "; run 'barometer run --landing DIR --edition "
              + edition
              + "' first");
    }
    return EditionConfig.parse(rows.get(0).getString(0), "edition_settings of edition " + edition);
  }
}
