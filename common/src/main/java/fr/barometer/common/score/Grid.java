package fr.barometer.common.score;

import static org.apache.spark.sql.functions.col;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.DelayUnit;
import fr.barometer.common.domain.Enums;
import fr.barometer.common.domain.ItemType;
import fr.barometer.common.domain.Step;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The edition's evaluation grid, read back from the referential_items table into {@link GridItem}s
 * so that the scoring rules ({@link fr.barometer.common.score.ScoredAnswer}) apply to exactly the
 * grid the edition was ingested with. A grid is a few dozen rows: collecting it is cheap.
 */
public final class Grid {
  private Grid() {}

  /**
   * The items of {@code config.edition()}, by item id.
   *
   * @throws BarometerException when the edition has no grid (it was not ingested)
   */
  public static List<GridItem> items(Dataset<Row> referentialItems, int edition) {
    List<GridItem> items =
        referentialItems.where(col("edition").equalTo(edition)).collectAsList().stream()
            .map(Grid::item)
            .sorted(Comparator.comparing(GridItem::id))
            .toList();
    if (items.isEmpty()) {
      throw new BarometerException(
          "No evaluation grid for edition "
              + edition
              + " in referential_items: ingest the edition first.");
    }
    return items;
  }

  /** How many items of {@code channel} the auditor must type: all but the computed ones. */
  public static long typedItemCount(List<GridItem> items, Channel channel) {
    return items.stream().filter(i -> i.channel() == channel && !i.isComputed()).count();
  }

  private static GridItem item(Row row) {
    String id = row.getAs("item_id");
    return new GridItem(
        id,
        code(Channel.class, row.getAs("channel"), id),
        row.getAs("criterion"),
        code(Step.class, row.getAs("step"), id),
        row.getAs("label"),
        code(ItemType.class, row.getAs("type"), id),
        Optional.ofNullable((String) row.getAs("unit"))
            .map(u -> code(DelayUnit.class, u, id))
            .orElse(null),
        row.getAs("full_at"),
        row.getAs("zero_after"),
        row.<Double>getAs("weight"));
  }

  private static <E extends Enum<E>> E code(Class<E> type, String code, String itemId) {
    return Enums.parse(type, code)
        .orElseThrow(
            () ->
                new BarometerException(
                    "Invalid referential_items: item "
                        + itemId
                        + " has unknown "
                        + type.getSimpleName()
                        + " '"
                        + code
                        + "'"));
  }
}
