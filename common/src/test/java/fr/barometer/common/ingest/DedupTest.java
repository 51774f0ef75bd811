package fr.barometer.common.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.Schemas;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DedupTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final Staging VERSIONS =
      new Staging(
          new StructType()
              .add("edition", DataTypes.IntegerType)
              .add("id", DataTypes.StringType)
              .add("version", DataTypes.TimestampType));

  private static Row version(String id, String at, String content, long line) {
    return VERSIONS
        .row("f.jsonl", line, content)
        .set("edition", 2017)
        .set("id", id)
        .set("version", Timestamp.valueOf(at))
        .set(Staging.CONTENT, content)
        .build();
  }

  private static Map<Long, String> fates(List<Row> rows, Dedup.Winner winner) {
    Dataset<Row> staged = SPARK.createDataFrame(rows, VERSIONS.schema());
    return Dedup.resolve(staged, List.of("id"), col("version"), winner).collectAsList().stream()
        .collect(
            Collectors.toMap(
                r -> r.<Long>getAs(Staging.SOURCE_LINE),
                r -> String.valueOf((Object) r.getAs(Dedup.FATE))));
  }

  @Test
  void latestVersionWinsAndCopiesCollapse() {
    Map<Long, String> fates =
        fates(
            List.of(
                version("A", "2017-09-08 09:00:00", "v1", 1),
                version("A", "2017-09-10 09:00:00", "v2", 2),
                version("A", "2017-09-10 09:00:00", "v2", 3)),
            Dedup.Winner.LATEST);
    assertEquals(Map.of(1L, "COLLAPSED", 2L, "KEPT", 3L, "COLLAPSED"), fates);
  }

  @Test
  void theWinningVersionsFirstCopyInFileOrderStands() {
    Map<Long, String> fates =
        fates(
            List.of(
                version("R", "2017-09-15 10:00:00", "later", 1),
                version("R", "2017-09-12 10:00:00", "first", 4),
                version("R", "2017-09-12 10:00:00", "first", 2),
                version("R", "2017-09-12 10:00:00", "first", 3)),
            Dedup.Winner.EARLIEST);
    assertEquals(Map.of(1L, "COLLAPSED", 2L, "KEPT", 3L, "COLLAPSED", 4L, "COLLAPSED"), fates);
  }

  @Test
  void earliestVersionWinsForTheSurvey() {
    Map<Long, String> fates =
        fates(
            List.of(
                version("R", "2017-09-12 10:00:00", "first", 1),
                version("R", "2017-09-15 10:00:00", "later", 2)),
            Dedup.Winner.EARLIEST);
    assertEquals(Map.of(1L, "KEPT", 2L, "COLLAPSED"), fates);
  }

  @Test
  void aConflictLetsThePreviousVersionStand() {
    Map<Long, String> fates =
        fates(
            List.of(
                version("A", "2017-09-08 09:00:00", "v1", 1),
                version("A", "2017-09-10 09:00:00", "x", 2),
                version("A", "2017-09-10 09:00:00", "y", 3)),
            Dedup.Winner.LATEST);
    assertEquals(Map.of(1L, "KEPT", 2L, "CONFLICT", 3L, "CONFLICT"), fates);
  }

  @Test
  void aConflictWithNoOtherVersionKeepsNothing() {
    Map<Long, String> fates =
        fates(
            List.of(
                version("B", "2017-09-10 09:00:00", "x", 1),
                version("B", "2017-09-10 09:00:00", "y", 2),
                version("B", "2017-09-10 09:00:00", "x", 3)),
            Dedup.Winner.LATEST);
    assertEquals(Map.of(1L, "CONFLICT", 2L, "CONFLICT", 3L, "CONFLICT"), fates);
  }

  @Test
  void refusedRowsPassThroughWithoutAFate() {
    Row refused =
        VERSIONS
            .row("f.jsonl", 9, "{oops")
            .set("edition", 2017)
            .reject(
                new fr.barometer.common.ingest.Rejection(
                    fr.barometer.common.ingest.QuarantineReason.MALFORMED_RECORD, "not JSON"))
            .build();
    Map<Long, String> fates =
        fates(List.of(refused, version("A", "2017-09-08 09:00:00", "v1", 1)), Dedup.Winner.LATEST);
    assertEquals("KEPT", fates.get(1L));
    assertEquals("null", fates.get(9L), "a refused row has no fate");
    assertEquals(2, fates.size());
  }

  @Test
  void twoMainSitesAreBothRefused() {
    Staging sites = RegistryInputs.SITES;
    List<Row> rows =
        List.of(
            sites
                .row("sites.csv", 2, "S1-M")
                .set("edition", 2017)
                .set("site_id", "S1-M")
                .set("structure_id", "S1")
                .set("is_main", true)
                .set("mystery_visit", false)
                .set(Staging.CONTENT, "a")
                .build(),
            sites
                .row("sites.csv", 3, "S1-N")
                .set("edition", 2017)
                .set("site_id", "S1-N")
                .set("structure_id", "S1")
                .set("is_main", true)
                .set("mystery_visit", false)
                .set(Staging.CONTENT, "b")
                .build(),
            sites
                .row("sites.csv", 4, "S1-A1")
                .set("edition", 2017)
                .set("site_id", "S1-A1")
                .set("structure_id", "S1")
                .set("is_main", false)
                .set("mystery_visit", false)
                .set(Staging.CONTENT, "c")
                .build(),
            sites
                .row("sites.csv", 5, "S2-M")
                .set("edition", 2017)
                .set("site_id", "S2-M")
                .set("structure_id", "S2")
                .set("is_main", true)
                .set("mystery_visit", true)
                .set(Staging.CONTENT, "d")
                .build());
    Dataset<Row> resolved =
        RegistryInputs.oneMainSite(
            Dedup.resolve(SPARK.createDataFrame(rows, sites.schema()), List.of("site_id")));
    Map<String, String> reasons =
        resolved.collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("site_id"),
                    r -> String.valueOf((Object) r.getAs(Staging.REASON))));
    assertEquals(
        Map.of(
            "S1-M",
            "MAIN_SITE_CONFLICT",
            "S1-N",
            "MAIN_SITE_CONFLICT",
            "S1-A1",
            "null",
            "S2-M",
            "null"),
        reasons);
    assertEquals(
        List.of("S1-A1", "S2-M"),
        resolved
            .where(col(Dedup.FATE).equalTo(Dedup.KEPT))
            .select("site_id")
            .orderBy("site_id")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList());
    assertEquals(Schemas.SITES.fieldNames().length, sites.cleanSchema().fieldNames().length);
  }
}
