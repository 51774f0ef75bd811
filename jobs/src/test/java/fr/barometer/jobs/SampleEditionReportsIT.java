package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.EditionConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample edition of data-samples/2017, run and reported end to end: no file written for a
 * structure shows a figure of a group under k, and the positioning's ranks and percentiles equal a
 * plain-Java implementation of the rule, ties included.
 */
@Tag("end-to-end")
class SampleEditionReportsIT {
  private static final Path LANDING =
      Path.of("..", "data-samples", "2017").toAbsolutePath().normalize();

  @TempDir static Path tmp;
  private static Path warehouse;
  private static Path reports;
  private static int k;

  @BeforeAll
  static void runAndReport() {
    warehouse = tmp.resolve("warehouse");
    reports = tmp.resolve("reports");
    k = EditionConfig.load(LANDING.resolve(EditionConfig.FILE_NAME)).kAnonymity();
    CliRun run =
        CliRun.of("run", "--landing", LANDING.toString(), "--warehouse", warehouse.toString());
    assertEquals(0, run.code(), run.err());
    CliRun report =
        CliRun.of(
            "report",
            "--edition",
            "2017",
            "--out",
            reports.toString(),
            "--warehouse",
            warehouse.toString());
    assertEquals(0, report.code(), report.err());
  }

  @Test
  void noStructuresFileShowsAFigureOfAGroupUnderK() throws IOException {
    int smallPeerGroups = 0;
    List<Path> files = jsonFiles();
    assertTrue(files.size() > 200, "reports written: " + files.size());
    for (Path file : files) {
      JsonNode report = new ObjectMapper().readTree(file.toFile());
      for (JsonNode m : report.get("positioning")) {
        String where = file.getFileName() + " " + m.get("measure").asText();
        if (!m.get("rank").isNull()) {
          assertTrue(m.get("comparison_size").asInt() >= k, where);
          assertFalse(m.get("group_mean").isNull(), where + ": a rank in a published group");
        }
        if (m.get("peer_group_size").asInt() < k) {
          assertFalse("PEER_GROUP".equals(m.get("comparison").asText()), where);
          smallPeerGroups++;
        }
        for (String territory : List.of("region", "department")) {
          if (!m.get("rank_" + territory).isNull()) {
            assertTrue(m.get(territory + "_size").asInt() >= k, where + " " + territory);
          }
        }
      }
      JsonNode survey = report.get("survey");
      if (survey != null) {
        int shown = 0;
        for (String territory : List.of("department", "region", "category")) {
          JsonNode figures = survey.get(territory);
          if (!figures.get("satisfaction_overall").isNull()) {
            assertTrue(
                figures.get("structures").asInt() >= k,
                file.getFileName() + " survey " + territory);
            shown++;
          }
        }
        // Nested territories: two figures would give their difference away.
        assertTrue(shown <= 1, file.getFileName() + ": " + shown + " territorial survey figures");
      }
      Path html = file.resolveSibling(file.getFileName().toString().replace(".json", ".html"));
      assertFalse(Files.readString(html).contains(" / 1<"), html + ": a rank in a group of one");
    }
    // The sample's S5 town halls (4 < k) exercise the rule.
    assertTrue(smallPeerGroups > 0, "positions in a peer group under k");
  }

  /**
   * Rank (1 = best, ties share it) and percentile (100 x share of the others strictly below) in the
   * peer group, recomputed from the positioning values rounded to 9 decimals.
   */
  @Test
  void ranksAndPercentilesEqualAPlainImplementationWithTies() {
    List<Row> rows =
        SparkTestSession.get()
            .read()
            .format("delta")
            .load(warehouse.resolve("positioning").toString())
            .select(
                "structure_id",
                "peer_group",
                "measure",
                "value",
                "rank",
                "percentile_peer",
                "quartile")
            .collectAsList();
    Map<String, List<Row>> groups = new HashMap<>();
    rows.forEach(
        r ->
            groups
                .computeIfAbsent(
                    r.getAs("peer_group") + "|" + r.getAs("measure"), g -> new ArrayList<>())
                .add(r));
    int ties = 0;
    for (List<Row> group : groups.values()) {
      for (Row r : group) {
        BigDecimal value = rounded(r.getAs("value"));
        long above =
            group.stream().filter(o -> rounded(o.getAs("value")).compareTo(value) > 0).count();
        long below =
            group.stream().filter(o -> rounded(o.getAs("value")).compareTo(value) < 0).count();
        long equal = group.size() - above - below;
        ties += equal > 1 ? 1 : 0;
        double percentile = group.size() == 1 ? 0 : 100.0 * below / (group.size() - 1);
        assertEquals(above + 1, (int) r.getAs("rank"), r.toString());
        assertEquals(percentile, r.<Double>getAs("percentile_peer"), 1e-9, r.toString());
        int quartile = percentile >= 75 ? 1 : percentile >= 50 ? 2 : percentile >= 25 ? 3 : 4;
        assertEquals(quartile, (int) r.getAs("quartile"), r.toString());
      }
    }
    assertTrue(ties > 0, "the sample has tied values");
  }

  private static BigDecimal rounded(Double value) {
    return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP);
  }

  private static List<Path> jsonFiles() throws IOException {
    try (Stream<Path> files = Files.list(reports.resolve("structures"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }
}
