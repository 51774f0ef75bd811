package fr.barometer.jobs;

import static fr.barometer.common.report.ReportsFixture.ALPHA;
import static fr.barometer.common.report.ReportsFixture.ALPHA_NAME;
import static fr.barometer.common.report.ReportsFixture.BETA;
import static fr.barometer.common.report.ReportsFixture.BETA_NAME;
import static fr.barometer.common.report.ReportsFixture.EDITION;
import static fr.barometer.common.report.ReportsFixture.GAMMA;
import static fr.barometer.common.report.ReportsFixture.GAMMA_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Tables;
import fr.barometer.common.io.Warehouse;
import fr.barometer.common.report.Reports;
import fr.barometer.common.report.ReportsFixture;
import fr.barometer.jobs.report.Charts;
import java.awt.Color;
import java.awt.image.BufferedImage;
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
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
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
  private static final Map<String, List<String>> IDENTITIES =
      Map.of(
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
    warehouse.replaceEdition(
        Tables.REPORT_PERSONALIZED, EDITION, Reports.personalized(ReportsFixture.inputs(tables)));
    warehouse.replaceEdition(Tables.REPORT_STANDARD, EDITION, ReportsFixture.standard(tables));
    for (String table :
        List.of(
            Tables.BAROMETER_NATIONAL,
            Tables.SURVEY_NATIONAL,
            Tables.PERCEIVED_VS_PRODUCED_NATIONAL,
            Tables.COMMUNES,
            Tables.STRUCTURES,
            Tables.ELIGIBILITY,
            Tables.REFERENTIAL_CRITERIA)) {
      warehouse.replaceEdition(table, EDITION, tables.get(table));
    }
    // A structure of the registry whose application was refused: listed in the index, no report.
    warehouse.replaceEdition(
        Tables.STRUCTURES,
        EDITION,
        tables
            .get(Tables.STRUCTURES)
            .unionByName(
                spark.sql(
                    "SELECT 2017 AS edition, 'STR-DELTA' AS structure_id, 'Mairie de Deltaville' AS"
                        + " name, 'ADMINISTRATION' AS category, 'MAIRIE' AS subtype, 'REJECTED' AS"
                        + " application_status")));
    warehouse.replaceEdition(
        Tables.EDITION_SETTINGS,
        EDITION,
        spark.createDataFrame(
            List.of(RowFactory.create(EDITION, defaultSettings())),
            StructType.fromDDL("edition INT, settings_json STRING")));
    out = tmp.resolve("reports");
    code =
        BarometerCli.execute(
            "report",
            "--edition",
            String.valueOf(EDITION),
            "--out",
            out.toString(),
            "--warehouse",
            warehouse.root());
  }

  private static String defaultSettings() throws IOException {
    try (InputStream in = EditionConfig.class.getResourceAsStream(EditionConfig.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesEveryDocument() {
    assertEquals(0, code);
    for (String file :
        List.of(
            "index.html",
            "national.html",
            "national.json",
            "structures/STR-ALPHA.html",
            "structures/STR-ALPHA.json",
            "structures/STR-ALPHA.pdf",
            "structures/STR-BETA.pdf",
            "structures/STR-GAMMA.html",
            "structures/STR-GAMMA.json")) {
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
        IDENTITIES.forEach(
            (other, identity) -> {
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
    IDENTITIES
        .values()
        .forEach(identity -> identity.forEach(word -> assertFalse(html.contains(word), word)));
    assertTrue(
        html.contains("une cellule regroupant moins de 5 structures n'affiche que son effectif"),
        html);
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
    assertTrue(
        html.contains(
            "<td class=\"num\">90,0</td><td>pairs (S2)</td><td class=\"num\">70,0</td>"
                + "<td class=\"num good\">+20,0</td>"),
        "C01: value, group, its mean, gap in French format");
    assertTrue(html.contains("<td class=\"num bad\">-20,0</td>"), "C03's gap");
  }

  @Test
  void anInsufficientSurveyIsShownAsSuch() throws IOException {
    assertEquals("INSUFFICIENT", json(ALPHA).get("survey").get("status").asText());
    assertTrue(
        Files.readString(out.resolve("structures/STR-ALPHA.html"))
            .contains("Réponses insuffisantes"));
    assertTrue(pdfText(out.resolve("structures/STR-ALPHA.pdf")).contains("Réponses insuffisantes"));
    assertFalse(
        Files.readString(out.resolve("structures/STR-ALPHA.html")).contains("INSUFFICIENT"));
    assertTrue(
        Files.readString(out.resolve("structures/STR-BETA.html"))
            .contains("Net Promoter Score : 12,5"));
  }

  /**
   * Alpha (Rennes, Ille-et-Vilaine, Bretagne): OVERALL 74.5, first of the 2 structures of region 53
   * (k = 2 in the datasets: shown), alone in department 35 (not shown). EMAIL 70 is the lowest.
   */
  @Test
  void aPersonalizedReportShowsItsPositionInItsRegionButNotInADepartmentOfOne() throws IOException {
    String html = Files.readString(out.resolve("structures/STR-ALPHA.html"));
    assertTrue(
        html.contains("Région : <b>Bretagne (53)</b> ; département : <b>Ille-et-Vilaine (35)</b>"),
        html);
    assertTrue(
        html.contains(
            "<tr><td>Score baromètre</td><td class=\"num\">74,5</td>\n"
                + "<td class=\"num\">1 / 2</td><td class=\"num\">100,0</td>\n"
                + "<td colspan=\"2\" class=\"note\">moins de 5 structures</td></tr>"),
        html);
    assertTrue(
        html.contains(
            "<tr><td>Courriel</td><td class=\"num\">70,0<br/><span class=\"note range\">–</span>"
                + "</td><td>pairs (S2)</td>"
                + "<td class=\"num\">3 / 3</td><td class=\"num\">0,0</td><td class=\"num\">4</td>"
                + "<td class=\"num\">+2,0</td><td class=\"num\">0,0</td></tr>"),
        html);
    JsonNode overall =
        json(ALPHA).get("positioning").findParents("measure").stream()
            .filter(m -> m.get("measure").asText().equals("OVERALL"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, overall.get("region_size").asInt());
    assertTrue(overall.get("rank_department").isNull());
    assertEquals("Ille-et-Vilaine", json(ALPHA).get("territory").get("department_name").asText());
    assertTrue(
        pdfText(out.resolve("structures/STR-ALPHA.pdf"))
            .contains("Votre position sur votre territoire"));
  }

  /** Gamma (standard, Nantes): last of its 3 peers (61.5), alone in region 52 and department 44. */
  @Test
  void standardResultsShowThePositionButNoTerritoryOfOne() throws IOException {
    String html = Files.readString(out.resolve("structures/STR-GAMMA.html"));
    assertTrue(
        html.contains(
            "Région : <b>Pays de la Loire (52)</b> ; département : <b>Loire-Atlantique (44)</b>"),
        html);
    assertTrue(
        html.contains(
            "<tr><td>Score baromètre</td><td class=\"num\">61,5<br/><span class=\"note range\">–"
                + "</span></td><td>pairs (S2)</td>"
                + "<td class=\"num\">3 / 3</td><td class=\"num\">0,0</td><td class=\"num\">4</td>"
                + "<td class=\"num\">-6,5</td><td class=\"num\">0,0</td></tr>"),
        html);
    assertFalse(html.contains("1 / 1"), "no rank in a group of one");
  }

  /**
   * Survey, ADMINISTRATION: department 35 has 20 responses (below 30: not published), region 53 has
   * 60 from 3 structures (42 satisfied: 70.0); department 22's 40 responses all name Beta:
   * withheld.
   */
  @Test
  void theSurveyShowsTheTerritoriesPerceptionOnlyWhenAnonymous() throws IOException {
    String alpha = Files.readString(out.resolve("structures/STR-ALPHA.html"));
    assertTrue(
        alpha.contains(
            "<tr><td>Votre structure</td><td class=\"num\">2</td>"
                + "<td class=\"note\">non publié (réponses insuffisantes)</td></tr>"),
        alpha);
    assertTrue(
        alpha.contains(
            "<tr><td>Département Ille-et-Vilaine (35)</td><td class=\"num\">20</td>"
                + "<td class=\"note\">non publié (réponses insuffisantes)</td></tr>"),
        alpha);
    assertTrue(
        alpha.contains(
            "<tr><td>Région Bretagne (53)</td><td class=\"num\">60</td>"
                + "<td class=\"num\">70,0</td></tr>"),
        alpha);
    String beta = Files.readString(out.resolve("structures/STR-BETA.html"));
    assertTrue(
        beta.contains(
            "<tr><td>Votre structure</td><td class=\"num\">40</td><td"
                + " class=\"num\">75,0</td></tr>"),
        beta);
    assertTrue(
        beta.contains(
            "<tr><td>Département Côtes-d&#39;Armor (22)</td><td class=\"num\">40</td>"
                + "<td class=\"note\">non publié (moins de 5 structures)</td></tr>"),
        beta);
    assertTrue(json(BETA).get("survey").get("department").get("satisfaction_overall").isNull());
    // The region is shown: the category's national figure beside it would give their difference.
    assertTrue(
        beta.contains(
            "<tr><td>France entière, Administrations et collectivités</td><td class=\"num\">42</td>"
                + "<td class=\"note\">non publié (un périmètre plus proche est publié)</td></tr>"),
        beta);
  }

  /**
   * Region 53 (6 structures) is published; region 52 (2 structures) is suppressed: its count only.
   * The fixture gives the suppressed cell values (43.21 ...) that the table never holds, to show
   * that the page and its JSON hide a suppressed cell by its flag.
   */
  @Test
  void theNationalPageHasTheRegionsTableWithSuppressedRegionsAsCountsOnly() throws IOException {
    String html = Files.readString(out.resolve("national.html"));
    assertTrue(html.contains("<h2>Par région</h2>"), html);
    assertTrue(
        html.contains(
            "<tr><td>Bretagne (53)</td><td class=\"num\">6</td>\n"
                + "<td class=\"num\">71,4</td><td class=\"num\">–</td><td"
                + " class=\"num\">66,5</td><td class=\"num\">70,8</td><td"
                + " class=\"num\">76,2</td><td class=\"num\">58,5</td></tr>"),
        html);
    assertTrue(
        html.contains(
            "<tr><td>Pays de la Loire (52)</td><td class=\"num\">2</td>\n"
                + "<td colspan=\"6\" class=\"note\">non publié (moins de 5 structures)</td>\n"
                + "</tr>"),
        html);
    assertFalse(html.contains("43,2"), "a suppressed region's values");
    assertFalse(
        Files.readString(out.resolve("national.json")).contains("43.2"),
        "a suppressed region's values");
    // The survey's region cell is named too.
    assertTrue(html.contains("<td>Région Bretagne (53)</td>"), html);
  }

  @Test
  void theIndexListsEachReportWithItsCategoryPlanAndScoreAndTheStructuresWithoutOne()
      throws IOException {
    String index = Files.readString(out.resolve("index.html"));
    assertTrue(
        index.contains(
            "<tr><td>Mairie d&#39;Alphaville</td><td>STR-ALPHA</td><td>Administrations et"
                + " collectivités</td><td>Personnalisé</td><td class=\"num\">74,5</td>"),
        index);
    assertTrue(index.contains("<h2>3 structures avec rapport</h2>"), index);
    assertTrue(
        index.contains(
            "<tr><td>Mairie de Deltaville</td><td>STR-DELTA</td><td>Administrations et"
                + " collectivités</td><td>candidature non retenue</td></tr>"),
        index);
  }

  @Test
  void oneStructureOnly() {
    Path single = tmp.resolve("single");
    assertEquals(
        0,
        BarometerCli.execute(
            "report",
            "--edition",
            String.valueOf(EDITION),
            "--out",
            single.toString(),
            "--structure",
            BETA,
            "--warehouse",
            tmp.resolve("warehouse").toString()));
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
    Matcher m =
        Pattern.compile("<figure class=\"chart\">\\s*(<svg.*?</svg>)", Pattern.DOTALL)
            .matcher(result.dom());
    while (m.find()) {
      svgs.add(m.group(1));
    }
    assertEquals(charts, svgs.size(), page + ": charts in the rendered DOM");
    for (String svg : svgs) {
      assertTrue(
          count(svg, "<path") + count(svg, "<rect") + count(svg, "<line") > 10,
          "drawn shapes: " + svg);
      assertTrue(count(svg, "<text") > 3, "axis labels");
    }
    assertFalse(result.log().contains("CONSOLE"), page + " console: " + result.log());
  }

  /**
   * Each chart is framed in {@link Charts#FRAME}: rendered to images, every PDF page must show
   * whole frames (a left and a right edge each), 180 mm wide, inside the page. A chart cut by the
   * page loses its right edge.
   */
  @Test
  void everyPdfChartIsDrawnWholeWithinThePage() throws IOException {
    for (String structure : List.of(ALPHA, BETA)) {
      try (PDDocument document =
          PDDocument.load(out.resolve("structures/" + structure + ".pdf").toFile())) {
        PDFRenderer renderer = new PDFRenderer(document);
        int frames = 0;
        for (int page = 0; page < document.getNumberOfPages(); page++) {
          BufferedImage image = renderer.renderImageWithDPI(page, DPI, ImageType.RGB);
          List<Integer> edges = verticalFrameEdges(image);
          assertEquals(
              0,
              edges.size() % 2,
              structure + " page " + (page + 1) + ": a chart without its edge " + edges);
          for (int i = 0; i < edges.size(); i += 2) {
            double widthMm = (edges.get(i + 1) - edges.get(i)) * 25.4 / DPI;
            assertEquals(
                Charts.WIDTH_MM, widthMm, 2.0, structure + " page " + (page + 1) + " chart width");
            assertTrue(
                edges.get(i) > 0 && edges.get(i + 1) < image.getWidth() - 1, "inside the page");
          }
          frames += edges.size() / 2;
        }
        // The distribution, the steps and the criteria.
        assertEquals(3, frames, structure + ": charts drawn");
      }
    }
  }

  private static final int DPI = 100;

  /**
   * The x of each vertical line of the chart frames on a page: columns with a long run of frame
   * colour.
   */
  private static List<Integer> verticalFrameEdges(BufferedImage image) {
    List<Integer> edges = new ArrayList<>();
    int previous = -10;
    for (int x = 0; x < image.getWidth(); x++) {
      int run = 0;
      int longest = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        run = isFrame(image.getRGB(x, y)) ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      // A frame is at least 60 mm high; one line spans two or three adjacent columns.
      if (longest > 60 * DPI / 25.4) {
        if (x - previous > 3) {
          edges.add(x);
        }
        previous = x;
      }
    }
    return edges;
  }

  private static boolean isFrame(int rgb) {
    Color c = new Color(rgb);
    Color frame = Charts.FRAME;
    return Math.abs(c.getRed() - frame.getRed()) < 20
        && Math.abs(c.getGreen() - frame.getGreen()) < 20
        && Math.abs(c.getBlue() - frame.getBlue()) < 20;
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
