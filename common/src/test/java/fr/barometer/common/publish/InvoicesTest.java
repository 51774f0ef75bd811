package fr.barometer.common.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.EditionConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class InvoicesTest {
  private static final SparkSession SPARK = SparkTestSession.get();

  @Test
  void eachCaseOfThePriceList() {
    StructType participating =
        new StructType()
            .add("edition", DataTypes.IntegerType)
            .add("structure_id", DataTypes.StringType)
            .add("plan", DataTypes.StringType);
    StructType sites =
        new StructType()
            .add("edition", DataTypes.IntegerType)
            .add("site_id", DataTypes.StringType)
            .add("structure_id", DataTypes.StringType)
            .add("is_main", DataTypes.BooleanType)
            .add("mystery_visit", DataTypes.BooleanType);
    StructType orders =
        new StructType()
            .add("edition", DataTypes.IntegerType)
            .add("structure_id", DataTypes.StringType)
            .add("restitution", DataTypes.BooleanType)
            .add("professional_audit", DataTypes.BooleanType);
    Dataset<Row> structures =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(2017, "STD", "STANDARD"),
                RowFactory.create(2017, "STDV", "STANDARD"),
                RowFactory.create(2017, "PERS", "PERSONALIZED"),
                RowFactory.create(2017, "FULL", "PERSONALIZED")),
            participating);
    Dataset<Row> siteRows =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(2017, "STD-M", "STD", true, false),
                RowFactory.create(2017, "STDV-M", "STDV", true, true),
                RowFactory.create(
                    2017, "STDV-A1", "STDV", false,
                    true), // a STANDARD plan bills no additional site
                RowFactory.create(2017, "PERS-M", "PERS", true, false),
                RowFactory.create(2017, "PERS-A1", "PERS", false, false),
                RowFactory.create(2017, "FULL-M", "FULL", true, true),
                RowFactory.create(2017, "FULL-A1", "FULL", false, true),
                RowFactory.create(2017, "FULL-A2", "FULL", false, false)),
            sites);
    Dataset<Row> orderRows =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create(2017, "PERS", false, false),
                RowFactory.create(2017, "FULL", true, true)),
            orders);
    Map<String, Row> invoices =
        Invoices.invoices(structures, siteRows, orderRows, EditionConfig.defaults())
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getAs("structure_id"), r -> r));
    assertTotals(invoices.get("STD"), 0, 0, 0);
    // The main site's visit option: 400, VAT 80.
    assertTotals(invoices.get("STDV"), 400, 80, 480);
    // 1,100 + one additional site 600.
    assertTotals(invoices.get("PERS"), 1700, 340, 2040);
    // 1,100 + 2 x 600 + 2 visits x 400 + restitution 600 + professional audit 3,300 = 7,000.
    Row full = invoices.get("FULL");
    assertTotals(full, 7000, 1400, 8400);
    assertEquals(2L, (long) full.getAs("additional_sites"));
    assertEquals(2L, (long) full.getAs("visit_sites"));
    assertEquals(3300.0, full.<Double>getAs("professional_audit_ht"), 1e-9);
  }

  private static void assertTotals(Row invoice, double ht, double vat, double ttc) {
    assertEquals(ht, invoice.<Double>getAs("total_ht"), 1e-9);
    assertEquals(vat, invoice.<Double>getAs("vat"), 1e-9);
    assertEquals(ttc, invoice.<Double>getAs("total_ttc"), 1e-9);
  }
}
