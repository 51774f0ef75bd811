package fr.barometer.jobs.report;

import static fr.barometer.common.report.SmallGroupsFixture.K;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.barometer.common.report.Reports;
import fr.barometer.common.report.SmallGroupsFixture;
import fr.barometer.common.report.SmallGroupsFixture.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file written for a structure of the {@link SmallGroupsFixture} edition (peer groups of 1,
 * 2, k - 1 and k): none holds a figure of a group under k (another member's value, the group's
 * mean, the structure's gap to it, a rank or percentile in it), whatever its format.
 */
class SmallGroupsDocumentsTest {
  private static final LocalDate PRODUCED = LocalDate.of(2017, 12, 1);

  @TempDir static Path out;

  @BeforeAll
  static void write() {
    Reports.Inputs in = SmallGroupsFixture.inputs();
    ReportDocuments personalized =
        new ReportDocuments(out, SmallGroupsFixture.EDITION, K, PRODUCED);
    for (Row row : Reports.personalized(in).collectAsList()) {
      personalized.personalized(ReportRows.toReport(row));
    }
    // The standard results of the same structures, in a folder of their own: the same rule holds.
    ReportDocuments standard =
        new ReportDocuments(out.resolve("standard"), SmallGroupsFixture.EDITION, K, PRODUCED);
    for (Row row : SmallGroupsFixture.standard(in).collectAsList()) {
      standard.standard(ReportRows.toReport(row));
    }
  }

  @Test
  void noFileOfAStructureInAGroupUnderKHoldsAFigureOfThatGroup() throws IOException {
    int checked = 0;
    for (Structure s : SmallGroupsFixture.STRUCTURES) {
      Set<Double> forbidden = figuresOfItsGroup(s);
      for (Path file : filesOf(s)) {
        // JSON holds the figures unrounded; HTML and PDF to one decimal.
        double tolerance = file.toString().endsWith(".json") ? 1e-9 : 0.051;
        for (double number : numbersIn(file)) {
          for (double figure : forbidden) {
            assertFalse(
                Math.abs(number - figure) < tolerance,
                file
                    + " holds "
                    + number
                    + ", a figure of "
                    + s.id()
                    + "'s group of "
                    + SmallGroupsFixture.groupOf(s).size());
          }
        }
        checked++;
      }
    }
    // Personalised: HTML, JSON, PDF; standard: HTML, JSON; for each of the 10 structures.
    assertEquals(50, checked);
  }

  @Test
  void everyRankAndGroupFigureShownIsOfAPublishedGroupOfAtLeastK() throws IOException {
    for (Structure s : SmallGroupsFixture.STRUCTURES) {
      for (Path file :
          List.of(
              out.resolve("structures/" + s.id() + ".json"),
              out.resolve("standard/structures/" + s.id() + ".json"))) {
        for (JsonNode m : new ObjectMapper().readTree(file.toFile()).get("positioning")) {
          boolean small = SmallGroupsFixture.groupOf(s).size() < K;
          assertEquals(
              small ? "NATIONAL" : "PEER_GROUP", m.get("comparison").asText(), file + " " + m);
          assertTrue(m.get("comparison_size").asInt() >= K, file + " " + m);
          // Region 84 holds 4 structures, department 69 only 3: its rank is withheld.
          assertEquals(
              m.get("department_size").asInt() >= K,
              !m.get("rank_department").isNull(),
              file + " " + m);
          assertEquals(
              m.get("region_size").asInt() >= K, !m.get("rank_region").isNull(), file + " " + m);
        }
      }
    }
  }

  @Test
  void aStructureInAGroupUnderKIsToldSoAndComparedWithTheNation() throws IOException {
    String alone = Files.readString(out.resolve("structures/P1.html"));
    assertTrue(
        alone.contains(
            "Votre groupe de pairs (POSTAL, 1 structure) est trop petit pour une comparaison"
                + " anonyme (il en faut au moins 4) : vous êtes comparé à l&#39;échantillon"
                + " national (10 structures)."),
        alone);
    assertFalse(alone.contains("1 / 1"), "no rank in a group of one");
    String full = Files.readString(out.resolve("structures/T1.html"));
    assertFalse(full.contains("trop petit"), full);
    assertTrue(full.contains("<td>pairs (TRANSPORT)</td><td class=\"num\">1 / 4</td>"), full);
  }

  /**
   * What the structure's group would reveal when it holds fewer than k structures: each other
   * member's value, the group's mean and the structure's gap to it, per measure.
   */
  private static Set<Double> figuresOfItsGroup(Structure s) {
    Set<Double> figures = new HashSet<>();
    List<Structure> group = SmallGroupsFixture.groupOf(s);
    if (group.size() >= K) {
      return figures;
    }
    for (String measure : SmallGroupsFixture.MEASURES) {
      double mean = group.stream().mapToDouble(o -> o.value(measure)).average().orElseThrow();
      if (group.size() > 1) {
        figures.add(mean);
        figures.add(s.value(measure) - mean);
      }
      group.stream().filter(o -> o != s).forEach(o -> figures.add(o.value(measure)));
    }
    return figures;
  }

  private static List<Path> filesOf(Structure s) {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("structures/", "standard/structures/")) {
      for (String ext : List.of("html", "json", "pdf")) {
        Path file = out.resolve(folder + s.id() + "." + ext);
        if (Files.exists(file)) {
          files.add(file);
        }
      }
    }
    return files;
  }

  /**
   * Every number a reader sees: decimals in French ("61,1") in HTML and PDF, every number in JSON.
   */
  private static List<Double> numbersIn(Path file) throws IOException {
    List<Double> numbers = new ArrayList<>();
    if (file.toString().endsWith(".json")) {
      collect(new ObjectMapper().readTree(file.toFile()), numbers);
      return numbers;
    }
    String text = file.toString().endsWith(".pdf") ? pdfText(file) : Files.readString(file);
    Matcher m = Pattern.compile("[-+]?\\d+,\\d+").matcher(text);
    while (m.find()) {
      numbers.add(Double.parseDouble(m.group().replace(',', '.').replace("+", "")));
    }
    assertFalse(numbers.isEmpty(), file + " shows numbers");
    return numbers;
  }

  private static void collect(JsonNode node, List<Double> numbers) {
    if (node.isNumber()) {
      numbers.add(node.asDouble());
    }
    node.forEach(child -> collect(child, numbers));
  }

  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument document = PDDocument.load(pdf.toFile())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
