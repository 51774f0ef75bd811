package fr.barometer.common.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.barometer.common.SparkTestSession;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class BarometerSeriesTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final double EPS = 1e-9;

  private static final StructType NATIONAL =
      new StructType()
          .add("edition", DataTypes.IntegerType)
          .add("scope", DataTypes.StringType)
          .add("scope_value", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("n_structures", DataTypes.LongType)
          .add("suppressed", DataTypes.BooleanType)
          .add("suppression", DataTypes.StringType)
          .add("mean", DataTypes.DoubleType)
          .add("p25", DataTypes.DoubleType)
          .add("median", DataTypes.DoubleType)
          .add("p75", DataTypes.DoubleType)
          .add("compliance", DataTypes.DoubleType);

  private static Row published(
      int edition, String scope, String value, String measure, double mean) {
    return RowFactory.create(
        edition, scope, value, measure, 10L, false, null, mean, mean - 5, mean + 1, mean + 5, 50.0);
  }

  private static Row suppressed(int edition, String scope, String value, String measure) {
    return RowFactory.create(
        edition, scope, value, measure, 3L, true, "PRIMARY", null, null, null, null, null);
  }

  private static final Map<String, Row> SERIES =
      BarometerSeries.series(
              SPARK.createDataFrame(
                  List.of(
                      published(2015, "NATIONAL", "FRANCE", "OVERALL", 67.4),
                      published(2016, "NATIONAL", "FRANCE", "OVERALL", 68.9),
                      published(2017, "NATIONAL", "FRANCE", "OVERALL", 66.0),
                      published(2016, "NATIONAL", "FRANCE", "CHANNEL:WEB", 70.0),
                      published(2017, "NATIONAL", "FRANCE", "CHANNEL:WEB", 72.5),
                      published(2016, "NATIONAL", "FRANCE", "CRITERION:C04", 70.0),
                      published(2017, "NATIONAL", "FRANCE", "CRITERION:C04", 60.0),
                      suppressed(2016, "STRATUM", "S5", "OVERALL"),
                      published(2017, "STRATUM", "S5", "OVERALL", 61.0),
                      published(2017, "STRATUM", "S6", "OVERALL", 62.0)),
                  NATIONAL),
              GridComparisons.of(SPARK, List.of(Grids.of2015(), Grids.of2016(), Grids.of2017()))
                  .bases(),
              List.of(2016, 2017))
          .collectAsList()
          .stream()
          .collect(
              Collectors.toMap(
                  r ->
                      r.<Integer>getAs("edition")
                          + " "
                          + r.getAs("scope_value")
                          + " "
                          + r.getAs("measure"),
                  r -> r));

  @Test
  void eachEditionIsComparedWithThePreviousOne() {
    Row france2017 = SERIES.get("2017 FRANCE OVERALL");
    assertEquals(2016, (int) france2017.getAs("previous_edition"));
    assertEquals(68.9, france2017.<Double>getAs("previous_mean"), EPS);
    assertEquals(-2.9, france2017.<Double>getAs("mean_change"), EPS);
    assertEquals(-2.9, france2017.<Double>getAs("median_change"), EPS);
    assertEquals(0.0, france2017.<Double>getAs("compliance_change"), EPS);
    // The barometer score's items changed between 2016 and 2017: the change is flagged.
    assertEquals("COMMON_ITEMS", france2017.getAs("basis"));
    Row france2016 = SERIES.get("2016 FRANCE OVERALL");
    assertEquals(2015, (int) france2016.getAs("previous_edition"));
    assertEquals(1.5, france2016.<Double>getAs("mean_change"), EPS);
    assertEquals(2.5, SERIES.get("2017 FRANCE CHANNEL:WEB").<Double>getAs("mean_change"), EPS);
    assertEquals("SAME_GRID", SERIES.get("2017 FRANCE CHANNEL:WEB").getAs("basis"));
  }

  @Test
  void aCellSuppressedInEitherEditionHasNoChange() {
    Row s5 = SERIES.get("2017 S5 OVERALL");
    assertEquals(61.0, s5.<Double>getAs("mean"), EPS);
    assertEquals(true, s5.getAs("previous_suppressed"));
    assertNull(s5.getAs("previous_mean"));
    assertNull(s5.getAs("mean_change"));
    assertNull(s5.getAs("median_change"));
  }

  @Test
  void aMeasureWithNoSharedItemHasNoChange() {
    Row c04 = SERIES.get("2017 FRANCE CRITERION:C04");
    assertEquals("NOT_COMPARABLE", c04.getAs("basis"));
    assertNull(c04.getAs("mean_change"));
  }

  @Test
  void aNewCellHasNoPreviousEdition() {
    Row s6 = SERIES.get("2017 S6 OVERALL");
    assertNull(s6.getAs("previous_edition"));
    assertNull(s6.getAs("basis"));
    assertNull(s6.getAs("mean_change"));
    assertEquals(9, SERIES.size());
  }
}
