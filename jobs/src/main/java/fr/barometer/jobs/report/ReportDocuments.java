package fr.barometer.jobs.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.domain.Measure.Kind;
import fr.barometer.common.domain.Scope;
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
import java.util.Set;
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

  /** One line of the index: a structure with documents. */
  public record Entry(
      String structure_id,
      String name,
      String category,
      String plan,
      Double barometer_score,
      String file,
      boolean pdf) {}

  /** One line of the index: a structure of the registry without documents, and why. */
  public record Unreported(String structure_id, String name, String category, String reason) {}

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

  /**
   * The columns of a published cell that stay when it is suppressed: what it is, and its counts.
   */
  private static final Set<String> SUPPRESSED_CELL_KEEPS =
      Set.of(
          "scope",
          "scope_value",
          "measure",
          "n_structures",
          "responses",
          "suppressed",
          "suppression");

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
    model.put("charts", charts(positions, personalized));
    model.put(
        "channels",
        orEmpty(report.channels()).stream()
            .sorted(Comparator.comparingInt(c -> Labels.order(c.channel())))
            .toList());
    if (report.territory() != null) {
      model.put("territory", report.territory());
    }
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
      List<Map<String, Object>> publishedBarometer,
      List<Map<String, Object>> publishedSurvey,
      Map<String, Object> perceived,
      Map<String, String> regionNames,
      Map<String, String> criterionLabels) {
    Map<String, Object> model = model();
    model.put("criterion_labels", criterionLabels);
    List<Map<String, Object>> barometer =
        named(withoutSuppressedValues(publishedBarometer), regionNames);
    List<Map<String, Object>> survey = named(withoutSuppressedValues(publishedSurvey), regionNames);
    List<Map<String, Object>> france = scope(barometer, Scope.NATIONAL);
    List<Map<String, Object>> channels =
        keyed(
            france,
            m -> measureOf(m).equals(Measure.OVERALL) || measureOf(m).kind() == Kind.CHANNEL,
            "measure");
    List<Map<String, Object>> steps =
        keyed(france, m -> measureOf(m).kind() == Kind.STEP, "measure");
    List<Map<String, Object>> categories =
        keyed(
            scope(barometer, Scope.CATEGORY),
            m -> measureOf(m).equals(Measure.OVERALL),
            "scope_value");
    List<Map<String, Object>> strata =
        keyed(
            scope(barometer, Scope.STRATUM),
            m -> measureOf(m).equals(Measure.OVERALL),
            "scope_value");
    model.put(
        "regions",
        keyed(
            scope(barometer, Scope.REGION),
            m -> measureOf(m).equals(Measure.OVERALL),
            "scope_value"));
    france.stream()
        .filter(m -> measureOf(m).equals(Measure.OVERALL))
        .findFirst()
        .ifPresent(o -> model.put("overall", o));
    model.put("channels", channels);
    model.put("steps", steps);
    model.put("criteria", keyed(france, m -> measureOf(m).kind() == Kind.CRITERION, "measure"));
    model.put("categories", categories);
    model.put("strata", strata);
    model.put(
        "survey",
        survey.stream()
            .sorted(
                Comparator.comparingInt(
                        (Map<String, Object> m) -> Labels.order((String) m.get("scope")))
                    .thenComparing(m -> String.valueOf(m.get("scope_value"))))
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
    model.put("charts", charts);
    write("national.html", render("national.ftlh", model));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("edition", edition);
    data.put("k_anonymity", kAnonymity);
    data.put("barometer", barometer);
    data.put("survey", survey);
    data.put("perceived_vs_produced", perceived);
    writeJson("national.json", data);
  }

  /**
   * The cells with the values of every suppressed one removed: the table already leaves them empty;
   * the published page and its JSON must not depend on that alone.
   */
  private static List<Map<String, Object>> withoutSuppressedValues(
      List<Map<String, Object>> cells) {
    return cells.stream()
        .map(
            c -> {
              if (!Boolean.TRUE.equals(c.get("suppressed"))) {
                return c;
              }
              Map<String, Object> kept = new LinkedHashMap<>(c);
              kept.replaceAll((key, value) -> SUPPRESSED_CELL_KEEPS.contains(key) ? value : null);
              return kept;
            })
        .toList();
  }

  /** REGION cells get "name": the region's name and code, e.g. "Bretagne (53)". */
  private static List<Map<String, Object>> named(
      List<Map<String, Object>> cells, Map<String, String> regionNames) {
    return cells.stream()
        .map(
            c -> {
              String code = (String) c.get("scope_value");
              if (!Scope.REGION.name().equals(c.get("scope")) || !regionNames.containsKey(code)) {
                return c;
              }
              Map<String, Object> copy = new LinkedHashMap<>(c);
              copy.put("name", regionNames.get(code) + " (" + code + ")");
              return copy;
            })
        .toList();
  }

  /**
   * The index of every document written, by structure id, with category, plan and barometer score;
   * then the structures of the registry without documents and why.
   */
  public void index(List<Entry> entries, List<Unreported> unreported) {
    Map<String, Object> model = model();
    // Maps, not the records: a template reads a null name as missing only from a map.
    model.put(
        "entries",
        entries.stream()
            .sorted(Comparator.comparing(Entry::structure_id))
            .map(
                e -> {
                  Map<String, Object> line = new HashMap<>();
                  line.put("structure_id", e.structure_id());
                  line.put("name", e.name());
                  line.put("category", e.category());
                  line.put("plan", e.plan());
                  line.put("barometer_score", e.barometer_score());
                  line.put("file", e.file());
                  line.put("pdf", e.pdf());
                  return line;
                })
            .toList());
    model.put(
        "unreported",
        unreported.stream()
            .sorted(Comparator.comparing(Unreported::structure_id))
            .map(
                u -> {
                  Map<String, Object> line = new HashMap<>();
                  line.put("structure_id", u.structure_id());
                  line.put("name", u.name());
                  line.put("category", u.category());
                  line.put("reason", u.reason());
                  return line;
                })
            .toList());
    write("index.html", render("index.ftlh", model));
  }

  private static List<Charts.Point> cellPoints(List<Map<String, Object>> cells) {
    return cells.stream()
        .filter(c -> !Boolean.TRUE.equals(c.get("suppressed")))
        .map(
            c ->
                new Charts.Point(
                    Labels.of((String) c.get("key")),
                    null,
                    number(c.get("p25")),
                    number(c.get("median")),
                    number(c.get("p75")),
                    number(c.get("mean"))))
        .toList();
  }

  private static List<Map<String, Object>> scope(List<Map<String, Object>> cells, Scope scope) {
    return cells.stream().filter(c -> scope.name().equals(c.get("scope"))).toList();
  }

  /** The cells kept, in reading order, each with "key": the column that tells them apart. */
  private static List<Map<String, Object>> keyed(
      List<Map<String, Object>> cells, Predicate<Map<String, Object>> which, String keyColumn) {
    return cells.stream()
        .filter(which)
        .map(
            c -> {
              Map<String, Object> copy = new LinkedHashMap<>(c);
              copy.put("key", c.get(keyColumn));
              return copy;
            })
        .sorted(
            keyColumn.equals("measure")
                ? Comparator.comparing(ReportDocuments::measureOf)
                : Comparator.comparingInt(
                        (Map<String, Object> c) -> Labels.order((String) c.get("key")))
                    .thenComparing(c -> (String) c.get("key")))
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

  private static String measure(Map<String, Object> m) {
    return (String) m.get("measure");
  }

  private static Measure measureOf(Map<String, Object> m) {
    return Measure.parse(measure(m));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    Object v = report.get(key);
    return v == null ? List.of() : (List<Map<String, Object>>) v;
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }
}
