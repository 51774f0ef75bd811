package fr.barometer.jobs;

import static fr.barometer.common.transform.ReportsFixture.ALPHA;
import static fr.barometer.common.transform.ReportsFixture.ALPHA_NAME;
import static fr.barometer.common.transform.ReportsFixture.BETA;
import static fr.barometer.common.transform.ReportsFixture.BETA_NAME;
import static fr.barometer.common.transform.ReportsFixture.EDITION;
import static fr.barometer.common.transform.ReportsFixture.GAMMA;
import static fr.barometer.common.transform.ReportsFixture.GAMMA_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.transform.Reports;
import fr.barometer.common.transform.ReportsFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report step and the report command on the hand-built edition of ReportsFixture: what each
 * document says, that it names no other structure, and that a browser draws its charts.
 */
class ReportCommandTest {
  /** What identifies each structure: its id, its name and its sites' names. */
  private static final Map<String, List<String>> IDENTITIES = Map.of(
      ALPHA, List.of(ALPHA, ALPHA_NAME, "Alphaville"),
      BETA, List.of(BETA, BETA_NAME, "Betacourt"),
      GAMMA, List.of(GAMMA, GAMMA_NAME, "Gammeville"));

  @TempDir static Path tmp;
  private static Path out;
  private static int code;

  @BeforeAll
  static void report() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Warehouse warehouse = new Warehouse(spark, tmp.resolve("warehouse").toString());
    // Only the tables the command reads: few Delta writes keep the test fast. (ReportJob's wiring
    // is run by RunCommandTest.)
    Map<String, Dataset<Row>> tables = ReportsFixture.tables();
    warehouse.replaceEdition(Tables.REPORT_PERSONALIZED, EDITION,
        Reports.personalized(ReportsFixture.inputs(tables)));
    warehouse.replaceEdition(Tables.REPORT_STANDARD, EDITION, Reports.standard(tables.get(Tables.STRUCTURES),
        tables.get(Tables.STRUCTURE_SCORES), tables.get(Tables.POSITIONING), tables.get(Tables.BAROMETER_NATIONAL),
        tables.get(Tables.ELIGIBILITY), tables.get(Tables.COMMUNES)));
    for (String table : List.of(Tables.BAROMETER_NATIONAL, Tables.SURVEY_NATIONAL,
        Tables.PERCEIVED_VS_PRODUCED_NATIONAL)) {
      warehouse.replaceEdition(table, EDITION, tables.get(table));
    }
    warehouse.replaceEdition(Tables.EDITION_SETTINGS, EDITION, spark.createDataFrame(
        List.of(RowFactory.create(EDITION, defaultSettings())), StructType.fromDDL("edition INT, settings_json STRING")));
    out = tmp.resolve("reports");
    code = BarometerCli.execute("report", "--edition", String.valueOf(EDITION), "--out", out.toString(),
        "--warehouse", warehouse.root());
  }

  private static String defaultSettings() throws IOException {
    try (InputStream in = EditionConfig.class.getResourceAsStream(EditionConfig.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesEveryDocument() {
    assertEquals(0, code);
    for (String file : List.of("index.html", "national.html", "national.json", "structures/STR-ALPHA.html",
        "structures/STR-ALPHA.json", "structures/STR-ALPHA.pdf", "structures/STR-BETA.pdf",
        "structures/STR-GAMMA.html", "structures/STR-GAMMA.json")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    // Gamma is STANDARD: its results, no PDF.
    assertFalse(Files.exists(out.resolve("structures/STR-GAMMA.pdf")));
  }

  @Test
  void noDocumentOfAStructureNamesAnotherOne() throws IOException {
    for (String structure : IDENTITIES.keySet()) {
      for (Path file : documentsOf(structure)) {
        String text = textOf(file);
        assertTrue(text.contains(structure), file + " names its own structure");
        IDENTITIES.forEach((other, identity) -> {
          if (!other.equals(structure)) {
            identity.forEach(word -> assertFalse(text.contains(word), file + " names " + word));
          }
        });
      }
    }
  }

  @Test
  void theNationalPageNamesNoStructureAndStatesTheSuppressionRule() throws IOException {
    String html = Files.readString(out.resolve("national.html"));
    IDENTITIES.values().forEach(identity -> identity.forEach(word -> assertFalse(html.contains(word), word)));
    assertTrue(html.contains("une cellule regroupant moins de 5 structures n'affiche que son effectif"), html);
    // Stratum S1 (one structure) is suppressed: its count only.
    assertTrue(html.contains("non publié (moins de 5 structures)"), html);
    assertTrue(html.contains("68,0"), "French decimals");
    assertTrue(html.contains("0,46"), "Pearson correlation");
  }

  @Test
  void strengthsAndPointsOfProgressWithTheirFigures() throws IOException {
    JsonNode alpha = json(ALPHA);
    assertEquals(List.of("C01", "C02", "C04"), criteria(alpha.get("strengths")));
    assertEquals(List.of("C03", "C05", "C07"), criteria(alpha.get("points_of_progress")));
    assertEquals(-20.0, alpha.get("points_of_progress").get(0).get("gap").asDouble());
    String html = Files.readString(out.resolve("structures/STR-ALPHA.html"));
    assertTrue(html.contains("<td class=\"num\">90,0</td><td class=\"num\">70,0</td><td class=\"num good\">+20,0</td>"),
        "C01: value, peer mean, gap in French format");
    assertTrue(html.contains("<td class=\"num bad\">-20,0</td>"), "C03's gap");
  }

  @Test
  void anInsufficientSurveyIsShownAsSuch() throws IOException {
    assertEquals("INSUFFICIENT", json(ALPHA).get("survey").get("status").asText());
    assertTrue(Files.readString(out.resolve("structures/STR-ALPHA.html")).contains("INSUFFICIENT"));
    assertTrue(pdfText(out.resolve("structures/STR-ALPHA.pdf")).contains("INSUFFICIENT"));
    assertTrue(Files.readString(out.resolve("structures/STR-BETA.html")).contains("Net Promoter Score : 12,5"));
  }

  @Test
  void oneStructureOnly() {
    Path single = tmp.resolve("single");
    assertEquals(0, BarometerCli.execute("report", "--edition", String.valueOf(EDITION), "--out", single.toString(),
        "--structure", BETA, "--warehouse", tmp.resolve("warehouse").toString()));
    assertTrue(Files.exists(single.resolve("structures/STR-BETA.pdf")));
    assertFalse(Files.exists(single.resolve("structures/STR-ALPHA.html")));
  }

  @Test
  void aBrowserDrawsTheChartsWithoutConsoleErrors() throws Exception {
    Chromium.binary();
    assertChartsDrawn(out.resolve("structures/STR-ALPHA.html"), 3);
    assertChartsDrawn(out.resolve("national.html"), 4);
  }

  private static void assertChartsDrawn(Path page, int charts) throws Exception {
    Chromium.Result result = Chromium.dumpDom(page);
    List<String> svgs = new ArrayList<>();
    Matcher m = Pattern.compile("<figure class=\"chart\">\\s*(<svg.*?</svg>)", Pattern.DOTALL).matcher(result.dom());
    while (m.find()) {
      svgs.add(m.group(1));
    }
    assertEquals(charts, svgs.size(), page + ": charts in the rendered DOM");
    for (String svg : svgs) {
      assertTrue(count(svg, "<path") + count(svg, "<rect") + count(svg, "<line") > 10, "drawn shapes: " + svg);
      assertTrue(count(svg, "<text") > 3, "axis labels");
    }
    assertFalse(result.log().contains("CONSOLE"), page + " console: " + result.log());
  }

  private static int count(String text, String token) {
    return text.split(Pattern.quote(token), -1).length - 1;
  }

  private static List<Path> documentsOf(String structure) {
    List<Path> files = new ArrayList<>();
    for (String ext : List.of("html", "json", "pdf")) {
      Path file = out.resolve("structures/" + structure + "." + ext);
      if (Files.exists(file)) {
        files.add(file);
      }
    }
    return files;
  }

  private static String textOf(Path file) throws IOException {
    return file.toString().endsWith(".pdf") ? pdfText(file) : Files.readString(file);
  }

  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument document = PDDocument.load(pdf.toFile())) {
      // Without line breaks: a name wrapped over two lines still counts.
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static JsonNode json(String structure) throws IOException {
    return new ObjectMapper().readTree(out.resolve("structures/" + structure + ".json").toFile());
  }

  private static List<String> criteria(JsonNode highlights) {
    List<String> codes = new ArrayList<>();
    highlights.forEach(h -> codes.add(h.get("criterion").asText()));
    return codes;
  }
}
