package fr.barometer.jobs.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.domain.Measure.Kind;
import fr.barometer.common.domain.Scope;
import fr.barometer.common.intervals.Funnel;
import fr.barometer.jobs.report.NationalFigures.BarometerCell;
import fr.barometer.jobs.report.NationalFigures.Correlation;
import fr.barometer.jobs.report.NationalFigures.SeriesPoint;
import fr.barometer.jobs.report.NationalFigures.SurveyCell;
import fr.barometer.jobs.report.StructureReport.Change;
import fr.barometer.jobs.report.StructureReport.EditionScore;
import fr.barometer.jobs.report.StructureReport.Position;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Writes the documents of one edition into a folder: per structure an HTML page, the same content
 * as JSON, and for personalised structures a PDF of the same HTML; the national page; an index.
 */
public final class ReportDocuments {
  /** Where the structures' files go, under the output folder. */
  public static final String STRUCTURES_DIR = "structures";

  private final Path out;
  private final int edition;
  private final int kAnonymity;

  /** The day the documents were produced, in French ("2 décembre 2026"). */
  private final String produced;

  private static final DateTimeFormatter FRENCH_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
  private final Configuration templates;

  /** The funnel plot's points and figures, when {@link #funnel} gave them. */
  private List<double[]> funnelPoints;

  private Funnel funnel;

  /** One line of the index: a structure with documents. */
  public record Entry(
      String structureId,
      String name,
      String category,
      String plan,
      Double barometerScore,
      String file,
      boolean pdf) {}

  /** One line of the index: a structure of the registry without documents, and why. */
  public record Unreported(String structureId, String name, String category, String reason) {}

  public ReportDocuments(Path out, int edition, int kAnonymity, LocalDate produced) {
    this.produced = FRENCH_DATE.format(produced);
    this.out = out;
    this.edition = edition;
    this.kAnonymity = kAnonymity;
    this.templates = new Configuration(Configuration.VERSION_2_3_34);
    templates.setClassForTemplateLoading(ReportDocuments.class, "/fr/barometer/reports");
    templates.setDefaultEncoding("UTF-8");
    templates.setLocale(Locale.FRANCE);
    templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    // A record's component reads as a property (report.name), and a null one as missing, so that
    // the templates' defaults (report.name!report.structureId) apply.
    DefaultObjectWrapperBuilder wrapper =
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
        ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    templates.setObjectWrapper(wrapper.build());
    templates.setLogTemplateExceptions(false);
    XRLog.setLoggingEnabled(false);
  }

  /** A personalised report: HTML, JSON and PDF. */
  public Entry personalized(StructureReport report) {
    return structure(report, "PERSONALIZED", true);
  }

  /** A standard structure's results: HTML and JSON. */
  public Entry standard(StructureReport report) {
    return structure(report, report.plan(), false);
  }

  private Entry structure(StructureReport report, String plan, boolean personalized) {
    String id = report.structureId();
    String file = STRUCTURES_DIR + "/" + fileName(id);
    List<Position> positions =
        orEmpty(report.positioning()).stream()
            .sorted(Comparator.comparing(p -> Measure.parse(p.measure())))
            .toList();
    Map<String, String> criterionLabels = new HashMap<>();
    orEmpty(report.criteria()).forEach(c -> criterionLabels.put(c.criterion(), c.label()));
    List<Position> compared = overallAndChannels(positions);
    Map<String, Object> model = model();
    model.put("report", report);
    model.put("personalized", personalized);
    model.put("positions", positions);
    positions.stream()
        .filter(p -> Measure.parse(p.measure()).equals(Measure.OVERALL))
        .findFirst()
        .ifPresent(o -> model.put("overall", o));
    model.put("criterion_labels", criterionLabels);
    model.put("compared", compared);
    model.put(
        "comparisons",
        compared.stream().map(Position::comparison).filter(c -> c != null).distinct().toList());
    Map<String, String> charts = charts(positions, personalized);
    model.put("charts", charts);
    model.put(
        "channels",
        orEmpty(report.channels()).stream()
            .sorted(Comparator.comparingInt(c -> Labels.order(c.channel())))
            .toList());
    if (report.territory() != null) {
      model.put("territory", report.territory());
    }
    putEvolution(model, charts, report);
    putIntervals(model, report);
    String html = render("structure.ftlh", model);
    write(file + ".html", html);
    writeJson(file + ".json", report);
    if (personalized) {
      pdf(html, out.resolve(file + ".pdf"));
    }
    Double score =
        personalized && report.performance() != null
            ? report.performance().barometerScore()
            : report.barometerScore();
    return new Entry(id, report.name(), report.category(), plan, score, file, personalized);
  }

  /**
   * The evolution section's model, for a structure with an earlier edition: its changes in reading
   * order, and a chart of its barometer score by edition against its comparison group's median.
   */
  private static void putEvolution(
      Map<String, Object> model, Map<String, String> charts, StructureReport report) {
    List<Change> changes =
        orEmpty(report.evolution()).stream()
            .sorted(Comparator.comparing(c -> Measure.parse(c.measure())))
            .toList();
    List<EditionScore> editions = orEmpty(report.editions());
    if (changes.isEmpty() && editions.size() < 2) {
      return;
    }
    model.put("changes", changes);
    model.put("editions", editions);
    model.put(
        "previous_edition",
        changes.stream()
            .filter(c -> Measure.parse(c.measure()).equals(Measure.OVERALL))
            .map(Change::previousEdition)
            .findFirst()
            .orElse(null));
    charts.put(
        "editions",
        Charts.profile(
            "editions",
            "Votre score baromètre",
            "Médiane du groupe de comparaison",
            editions.stream()
                .map(
                    e ->
                        new Charts.Point(
                            String.valueOf(e.edition()),
                            e.barometerScore(),
                            null,
                            null,
                            null,
                            e.groupMedian()))
                .toList()));
  }

  /** Each measure's 95% interval by measure, and the barometer score's as overall_interval. */
  private static void putIntervals(Map<String, Object> model, StructureReport report) {
    Map<String, StructureReport.ScoreInterval> intervals = new HashMap<>();
    orEmpty(report.intervals()).forEach(i -> intervals.put(i.measure(), i));
    model.put("intervals", intervals);
    if (intervals.containsKey(Measure.OVERALL.text())) {
      model.put("overall_interval", intervals.get(Measure.OVERALL.text()));
    }
  }

  /**
   * The national page's funnel plot, drawn when {@link #national} writes the page: each scored
   * structure's number of audits and barometer score (no identifier), and the limits' figures.
   */
  public void funnel(List<double[]> points, Funnel figures) {
    this.funnelPoints = points;
    this.funnel = figures;
  }

  /**
   * The distribution of the comparison group of the barometer score and each channel; for a
   * personalised report, the profile of steps and criteria against the comparison group's mean.
   */
  private static Map<String, String> charts(List<Position> positions, boolean personalized) {
    Map<String, String> charts = new HashMap<>();
    List<Position> compared = overallAndChannels(positions);
    if (compared.stream().anyMatch(p -> p.groupMedian() != null)) {
      charts.put(
          "distribution",
          Charts.distribution(
              "distribution",
              "Votre structure",
              "Groupe de comparaison",
              compared.stream().map(ReportDocuments::point).toList()));
    }
    if (personalized) {
      profile(positions, Kind.STEP)
          .ifPresent(
              p ->
                  charts.put(
                      "steps",
                      Charts.profile(
                          "steps", "Votre structure", "Moyenne du groupe de comparaison", p)));
      profile(positions, Kind.CRITERION)
          .ifPresent(
              p ->
                  charts.put(
                      "criteria",
                      Charts.profile(
                          "criteria", "Votre structure", "Moyenne du groupe de comparaison", p)));
    }
    return charts;
  }

  /** The OVERALL and per-channel positions, in reading order: what the reports compare on. */
  private static List<Position> overallAndChannels(List<Position> positions) {
    return positions.stream()
        .filter(
            p -> {
              Kind kind = Measure.parse(p.measure()).kind();
              return kind == Kind.OVERALL || kind == Kind.CHANNEL;
            })
        .toList();
  }

  /** The structure's values and its comparison groups' means, for the measures of one kind. */
  private static Optional<List<Charts.Point>> profile(List<Position> positions, Kind kind) {
    List<Charts.Point> points =
        positions.stream()
            .filter(p -> Measure.parse(p.measure()).kind() == kind)
            .map(
                p ->
                    new Charts.Point(
                        Labels.of(p.measure()), p.value(), null, null, null, p.groupMean()))
            .toList();
    return points.isEmpty() ? Optional.empty() : Optional.of(points);
  }

  /** A chart category: the value, and its comparison group's published quartiles and mean. */
  private static Charts.Point point(Position p) {
    return new Charts.Point(
        Labels.of(p.measure()),
        p.value(),
        p.groupP25(),
        p.groupMedian(),
        p.groupP75(),
        p.groupMean());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * The anonymous national page, from the published cells (barometer_national), the survey's
   * national figures and the produced-vs-perceived correlations; regionNames names the REGION cells
   * (code to name; a code without a name is shown as such).
   */
  public void national(
      List<BarometerCell> publishedBarometer,
      List<SurveyCell> publishedSurvey,
      Correlation perceived,
      Map<String, String> regionNames,
      Map<String, String> criterionLabels,
      List<SeriesPoint> series) {
    Map<String, Object> model = model();
    model.put("criterion_labels", criterionLabels);
    List<BarometerCell> barometer =
        publishedBarometer.stream()
            .map(c -> named(c.published(), c.scope(), c.scopeValue(), regionNames))
            .toList();
    List<SurveyCell> survey =
        publishedSurvey.stream()
            .map(c -> named(c.published(), c.scope(), c.scopeValue(), regionNames))
            .toList();
    List<BarometerCell> france = inScope(barometer, Scope.NATIONAL);
    List<BarometerCell> channels =
        inReadingOrder(
            france,
            c -> c.measureOf().kind() == Kind.OVERALL || c.measureOf().kind() == Kind.CHANNEL);
    List<BarometerCell> steps = inReadingOrder(france, c -> c.measureOf().kind() == Kind.STEP);
    List<BarometerCell> categories = overallOf(inScope(barometer, Scope.CATEGORY));
    List<BarometerCell> strata = overallOf(inScope(barometer, Scope.STRATUM));
    model.put("regions", overallOf(inScope(barometer, Scope.REGION)));
    france.stream()
        .filter(c -> c.measureOf().equals(Measure.OVERALL))
        .findFirst()
        .ifPresent(o -> model.put("overall", o));
    model.put("channels", channels);
    model.put("steps", steps);
    model.put("criteria", inReadingOrder(france, c -> c.measureOf().kind() == Kind.CRITERION));
    model.put("categories", categories);
    model.put("strata", strata);
    model.put(
        "survey",
        survey.stream()
            .sorted(
                Comparator.comparingInt((SurveyCell c) -> Labels.order(c.scope()))
                    .thenComparing(c -> String.valueOf(c.scopeValue())))
            .toList());
    if (perceived != null) {
      model.put("perceived", perceived);
    }
    Map<String, String> charts = new HashMap<>();
    charts.put("channels", Charts.distribution("channels", "", "Structures", cellPoints(channels)));
    charts.put("steps", Charts.distribution("steps", "", "Structures", cellPoints(steps)));
    charts.put(
        "categories", Charts.distribution("categories", "", "Structures", cellPoints(categories)));
    charts.put("strata", Charts.distribution("strata", "", "Structures", cellPoints(strata)));
    if (series.size() > 1) {
      model.put("series", series);
      charts.put(
          "series",
          Charts.profile(
              "series",
              "Score baromètre moyen",
              "Médiane",
              series.stream()
                  .map(
                      p ->
                          new Charts.Point(
                              String.valueOf(p.edition()), p.mean(), null, null, null, p.median()))
                  .toList()));
    }
    if (funnel != null && !Double.isNaN(funnel.auditSd())) {
      charts.put("funnel", Charts.funnel("funnel", funnelPoints, funnel));
      model.put("funnel", funnel);
    }
    model.put("charts", charts);
    write("national.html", render("national.ftlh", model));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("edition", edition);
    data.put("k_anonymity", kAnonymity);
    data.put("barometer", barometer);
    data.put("survey", survey);
    data.put("perceived_vs_produced", perceived);
    data.put("series", series);
    data.put("funnel", funnel);
    writeJson("national.json", data);
  }

  /** A REGION cell named "Bretagne (53)" when the region's name is known. */
  @SuppressWarnings("unchecked")
  private static <C> C named(C cell, String scope, String code, Map<String, String> regionNames) {
    if (!Scope.REGION.name().equals(scope) || !regionNames.containsKey(code)) {
      return cell;
    }
    String name = regionNames.get(code) + " (" + code + ")";
    return cell instanceof BarometerCell b
        ? (C) b.named(name)
        : (C) ((SurveyCell) cell).named(name);
  }

  private static List<BarometerCell> inScope(List<BarometerCell> cells, Scope scope) {
    return cells.stream().filter(c -> scope.name().equals(c.scope())).toList();
  }

  /** The cells of one measure kind, in reading order. */
  private static List<BarometerCell> inReadingOrder(
      List<BarometerCell> cells, Predicate<BarometerCell> which) {
    return cells.stream()
        .filter(which)
        .sorted(Comparator.comparing(BarometerCell::measureOf))
        .toList();
  }

  /** The OVERALL cells of a scope, in the order of the labels' table, then by code. */
  private static List<BarometerCell> overallOf(List<BarometerCell> cells) {
    return cells.stream()
        .filter(c -> c.measureOf().equals(Measure.OVERALL))
        .sorted(
            Comparator.comparingInt((BarometerCell c) -> Labels.order(c.scopeValue()))
                .thenComparing(BarometerCell::scopeValue))
        .toList();
  }

  /**
   * The index of every document written, by structure id, with category, plan and barometer score;
   * then the structures of the registry without documents and why.
   */
  public void index(List<Entry> entries, List<Unreported> unreported) {
    Map<String, Object> model = model();
    model.put(
        "entries", entries.stream().sorted(Comparator.comparing(Entry::structureId)).toList());
    model.put(
        "unreported",
        unreported.stream().sorted(Comparator.comparing(Unreported::structureId)).toList());
    write("index.html", render("index.ftlh", model));
  }

  private static List<Charts.Point> cellPoints(List<BarometerCell> cells) {
    return cells.stream()
        .filter(c -> !Boolean.TRUE.equals(c.suppressed()))
        .map(
            c -> new Charts.Point(Labels.of(c.key()), null, c.p25(), c.median(), c.p75(), c.mean()))
        .toList();
  }

  private Map<String, Object> model() {
    Map<String, Object> model = new HashMap<>();
    model.put("edition", edition);
    model.put("produced", produced);
    model.put("k", kAnonymity);
    model.put("labels", Labels.all());
    return model;
  }

  private String render(String template, Map<String, Object> model) {
    try {
      StringWriter html = new StringWriter();
      templates.getTemplate(template).process(model, html);
      return html.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("Template " + template + " failed: " + e.getMessage(), e);
    }
  }

  /** The PDF is the same XHTML laid out on A4 pages; the inline SVG charts are drawn by Batik. */
  private static void pdf(String html, Path target) {
    try (OutputStream os = Files.newOutputStream(target)) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.withHtmlContent(html, target.getParent().toUri().toString());
      builder.toStream(os);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String file, String text) {
    try {
      Path target = out.resolve(file);
      Files.createDirectories(target.getParent());
      Files.writeString(target, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeJson(String file, Object value) {
    try {
      Path target = out.resolve(file);
      Files.createDirectories(target.getParent());
      ReportRows.JSON.writeValue(target.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file name safe on every file system, from a structure id. */
  static String fileName(String structureId) {
    return structureId.replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
