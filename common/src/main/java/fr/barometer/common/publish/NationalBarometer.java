package fr.barometer.common.publish;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Scope;
import fr.barometer.common.io.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The anonymous national barometer (spec 4): per scope and measure, the distribution of the
 * structures' figures. It holds no identifying column; a cell with fewer than k_anonymity
 * structures keeps its count only.
 */
public final class NationalBarometer {
  private NationalBarometer() {}

  /**
   * edition, scope, scope_value, measure, n_structures, suppressed, suppression, mean, p25, median,
   * p75, compliance, mean_lower, mean_upper (null here: see the overload). Percentiles are
   * continuous (linear interpolation); compliance is pooled over the cell's main sites' answers
   * (the remote channels' for OVERALL).
   */
  public static Dataset<Row> cells(Dataset<Row> measures, EditionConfig config) {
    return cells(measures, null, config);
  }

  /**
   * The cells, each with the 95% bootstrap interval of its mean from {@code cellIntervals}
   * (edition, scope, scope_value, measure, mean_lower, mean_upper; null: none), withheld with the
   * cell's values when it is suppressed.
   */
  public static Dataset<Row> cells(
      Dataset<Row> measures, Dataset<Row> cellIntervals, EditionConfig config) {
    Dataset<Row> scoped =
        inScope(measures, lit(Scope.NATIONAL.name()), lit(Scope.FRANCE))
            .unionByName(inScope(measures, lit(Scope.CATEGORY.name()), col("category")))
            .unionByName(inScope(measures, lit(Scope.STRATUM.name()), col("stratum")))
            .unionByName(inScope(measures, lit(Scope.REGION.name()), col("region_code")))
            .where(col("scope_value").isNotNull());
    Dataset<Row> figures =
        scoped
            .groupBy("edition", "scope", "scope_value", "measure")
            .agg(
                count(lit(1)).as("n_structures"),
                avg("value").as("mean"),
                expr("percentile(value, 0.25)").as("p25"),
                expr("percentile(value, 0.5)").as("median"),
                expr("percentile(value, 0.75)").as("p75"),
                when(
                        sum("applicable").gt(0),
                        lit(100.0).multiply(sum("compliant")).divide(sum("applicable")))
                    .as("compliance"));
    Dataset<Row> withIntervals =
        cellIntervals == null
            ? figures
                .withColumn("mean_lower", lit(null).cast(DataTypes.DoubleType))
                .withColumn("mean_upper", lit(null).cast(DataTypes.DoubleType))
            : figures.join(
                cellIntervals.select(
                    "edition", "scope", "scope_value", "measure", "mean_lower", "mean_upper"),
                Columns.on("edition", "scope", "scope_value", "measure"),
                "left");
    return suppress(withIntervals, measures, config.kAnonymity(), WITH_INTERVALS)
        .select(
            "edition",
            "scope",
            "scope_value",
            "measure",
            "n_structures",
            "suppressed",
            "suppression",
            "mean",
            "p25",
            "median",
            "p75",
            "compliance",
            "mean_lower",
            "mean_upper");
  }

  private static final List<String> VALUES = List.of("mean", "p25", "median", "p75", "compliance");

  private static final List<String> WITH_INTERVALS =
      List.of("mean", "p25", "median", "p75", "compliance", "mean_lower", "mean_upper");

  private static final StructType DECISION =
      new StructType()
          .add("edition", DataTypes.IntegerType)
          .add("scope", DataTypes.StringType)
          .add("scope_value", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("suppressed", DataTypes.BooleanType)
          .add("suppression", DataTypes.StringType);

  /**
   * Primary then secondary suppression of published cells: a suppressed cell keeps its count and
   * loses {@code values}; {@code suppression} says PRIMARY (fewer than k structures) or SECONDARY
   * (hidden so that no difference of published cells isolates fewer than k structures). Cells are
   * few (scopes x measures), so the secondary pass runs on the driver.
   *
   * @param figures edition, scope, scope_value, optionally measure, n_structures, the values
   * @param structures rows with stratum and category, to know which strata lie in which category
   */
  public static Dataset<Row> suppress(
      Dataset<Row> figures, Dataset<Row> structures, int k, List<String> values) {
    boolean perMeasure = Arrays.asList(figures.columns()).contains("measure");
    Dataset<Row> cells = perMeasure ? figures : figures.withColumn("measure", lit(""));
    Dataset<Row> decided = decide(cells, stratumCategories(structures), k);
    Dataset<Row> out =
        cells.join(decided, Columns.on("edition", "scope", "scope_value", "measure"));
    Column suppressed = col("suppressed");
    for (String value : values) {
      out = out.withColumn(value, when(suppressed.unary_$bang(), col(value)));
    }
    return perMeasure ? out : out.drop("measure");
  }

  private static Dataset<Row> decide(
      Dataset<Row> cells, Map<String, Set<String>> stratumCategories, int k) {
    List<SecondarySuppression.Family> families = SecondarySuppression.families(stratumCategories);
    Map<EditionMeasure, List<SecondarySuppression.Cell>> byMeasure = new TreeMap<>();
    for (Row r :
        cells
            .select("edition", "scope", "scope_value", "measure", "n_structures")
            .orderBy("edition", "measure", "scope", "scope_value")
            .collectAsList()) {
      long n = r.getLong(4);
      byMeasure
          .computeIfAbsent(new EditionMeasure(r.getInt(0), r.getString(3)), m -> new ArrayList<>())
          .add(new SecondarySuppression.Cell(r.getString(1), r.getString(2), n, n < k));
    }
    List<Row> rows = new ArrayList<>();
    byMeasure.forEach(
        (key, measureCells) -> {
          SecondarySuppression.apply(measureCells, families, k);
          for (SecondarySuppression.Cell c : measureCells) {
            String why = !c.suppressed() ? null : c.secondary() ? "SECONDARY" : "PRIMARY";
            rows.add(
                RowFactory.create(
                    key.edition(), c.scope(), c.scopeValue(), key.measure(), c.suppressed(), why));
          }
        });
    return cells.sparkSession().createDataFrame(rows, DECISION);
  }

  /** The cells decided together: one edition's cells of one measure. */
  private record EditionMeasure(int edition, String measure) implements Comparable<EditionMeasure> {
    @Override
    public int compareTo(EditionMeasure other) {
      return edition != other.edition
          ? Integer.compare(edition, other.edition)
          : measure.compareTo(other.measure);
    }
  }

  private static Map<String, Set<String>> stratumCategories(Dataset<Row> structures) {
    Map<String, Set<String>> categories = new TreeMap<>();
    for (Row r :
        structures
            .where(col("stratum").isNotNull())
            .select("stratum", "category")
            .distinct()
            .collectAsList()) {
      categories.computeIfAbsent(r.getString(0), s -> new TreeSet<>()).add(r.getString(1));
    }
    return categories;
  }

  private static Dataset<Row> inScope(Dataset<Row> measures, Column scope, Column value) {
    return measures.select(
        col("edition"),
        scope.as("scope"),
        value.as("scope_value"),
        col("measure"),
        col("value"),
        col("compliant"),
        col("applicable"));
  }
}
