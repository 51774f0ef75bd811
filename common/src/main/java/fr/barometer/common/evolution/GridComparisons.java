package fr.barometer.common.evolution;

import fr.barometer.common.evolution.GridComparison.CommonItem;
import fr.barometer.common.evolution.GridComparison.MeasureComparison;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every pair of editions (a later, an earlier) compared measure by measure, as two small tables the
 * evolution joins: the basis of each measure, and the items shared by COMMON_ITEMS measures.
 *
 * @param bases edition, previous_edition, measure, basis: the measures both grids have
 * @param oneGridOnly edition, previous_edition, measure, presence (a {@link
 *     GridComparison.Presence}): the measures one of the two grids lacks, NOT_COMPARABLE
 * @param commonItems edition, previous_edition, measure, item_id, channel, weight, channel_weight
 */
public record GridComparisons(
    Dataset<Row> bases, Dataset<Row> oneGridOnly, Dataset<Row> commonItems) {
  static final StructType BASES =
      new StructType()
          .add("edition", DataTypes.IntegerType, false)
          .add("previous_edition", DataTypes.IntegerType, false)
          .add("measure", DataTypes.StringType, false)
          .add("basis", DataTypes.StringType, false);

  static final StructType ONE_GRID_ONLY =
      new StructType()
          .add("edition", DataTypes.IntegerType, false)
          .add("previous_edition", DataTypes.IntegerType, false)
          .add("measure", DataTypes.StringType, false)
          .add("presence", DataTypes.StringType, false);

  static final StructType COMMON_ITEMS =
      new StructType()
          .add("edition", DataTypes.IntegerType, false)
          .add("previous_edition", DataTypes.IntegerType, false)
          .add("measure", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, false)
          .add("channel", DataTypes.StringType, false)
          .add("weight", DataTypes.DoubleType, false)
          .add("channel_weight", DataTypes.DoubleType, false);

  /** Compares every edition's grid with every earlier edition's. */
  public static GridComparisons of(SparkSession spark, List<EditionGrid> grids) {
    List<EditionGrid> sorted =
        grids.stream().sorted(Comparator.comparingInt(EditionGrid::edition)).toList();
    List<Row> bases = new ArrayList<>();
    List<Row> items = new ArrayList<>();
    List<Row> oneGrid = new ArrayList<>();
    for (int later = 0; later < sorted.size(); later++) {
      for (int earlier = 0; earlier < later; earlier++) {
        EditionGrid current = sorted.get(later);
        EditionGrid previous = sorted.get(earlier);
        for (MeasureComparison c : GridComparison.compare(current, previous)) {
          String measure = c.measure().text();
          if (c.presence() == GridComparison.Presence.BOTH) {
            bases.add(
                RowFactory.create(
                    current.edition(), previous.edition(), measure, c.basis().name()));
          } else {
            oneGrid.add(
                RowFactory.create(
                    current.edition(), previous.edition(), measure, c.presence().name()));
          }
          for (CommonItem item : c.commonItems()) {
            items.add(
                RowFactory.create(
                    current.edition(),
                    previous.edition(),
                    measure,
                    item.itemId(),
                    item.channel().name(),
                    item.weight(),
                    item.channelWeight()));
          }
        }
      }
    }
    return new GridComparisons(
        spark.createDataFrame(bases, BASES),
        spark.createDataFrame(oneGrid, ONE_GRID_ONLY),
        spark.createDataFrame(items, COMMON_ITEMS));
  }
}
