package fr.barometer.jobs.report;

import fr.barometer.common.intervals.Funnel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart into SVG text (JFreeSVG) that the page inlines: the HTML
 * stays self-contained and script-free, and the PDF renders the same SVG.
 */
public final class Charts {
  private static final Color OWN = new Color(0x00, 0x00, 0x91);
  private static final Color PEERS = new Color(0xB0, 0xC4, 0xE8);
  private static final Color MEAN = new Color(0xE1, 0x00, 0x0F);

  /** The frame around each chart: a colour no other part of a chart uses, so a test can find it. */
  public static final Color FRAME = new Color(0x9A, 0x9A, 0xB0);

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** The drawing's width in SVG units; the page shows it {@link #WIDTH_MM} wide. */
  private static final int WIDTH = 760;

  /**
   * The chart's printed width: an A4 page with 12 mm margins has 186 mm of content, and a chart
   * wider than that is cut by the PDF renderer. The page scales the drawing to it (viewBox).
   */
  public static final double WIDTH_MM = 180.0;

  private static final int HEIGHT = 320;
  private static final int MAX_VERTICAL = 9;

  private Charts() {}

  /** One category of a chart: the structure's value (may be null) and its group's figures. */
  public record Point(
      String label, Double value, Double p25, Double median, Double p75, Double mean) {}

  /**
   * Boxes of the group's published quartiles (25th, median, 75th; the dot is its mean) and, when
   * given, the structure's own value as a marker over them.
   */
  public static String distribution(
      String id, String ownSeries, String groupSeries, List<Point> points) {
    DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
    DefaultCategoryDataset own = new DefaultCategoryDataset();
    for (Point p : points) {
      if (p.median() != null) {
        boxes.add(
            new BoxAndWhiskerItem(
                p.mean(), p.median(), p.p25(), p.p75(), p.p25(), p.p75(), null, null, List.of()),
            groupSeries,
            p.label());
      }
      if (p.value() != null) {
        own.addValue(p.value(), ownSeries, p.label());
      }
    }
    BoxAndWhiskerRenderer boxRenderer = new BoxAndWhiskerRenderer();
    boxRenderer.setSeriesPaint(0, PEERS);
    boxRenderer.setMaxOutlierVisible(false);
    boxRenderer.setMinOutlierVisible(false);
    boxRenderer.setMaximumBarWidth(0.10);
    // The mean is in the tables; its large default dot would hide the structure's marker.
    boxRenderer.setMeanVisible(false);
    boxRenderer.setDefaultToolTipGenerator(null);
    CategoryPlot plot = plot(boxes, boxRenderer, points.size());
    if (own.getColumnCount() > 0) {
      LineAndShapeRenderer marker = new LineAndShapeRenderer(false, true);
      marker.setSeriesPaint(0, OWN);
      marker.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
      plot.setDataset(1, own);
      plot.setRenderer(1, marker);
    }
    return svg(id, new JFreeChart(null, FONT, plot, true), points.size());
  }

  /**
   * Bars of the structure's values with its group's mean as a line: a profile to read at a glance.
   */
  public static String profile(String id, String ownSeries, String meanSeries, List<Point> points) {
    DefaultCategoryDataset own = new DefaultCategoryDataset();
    DefaultCategoryDataset mean = new DefaultCategoryDataset();
    for (Point p : points) {
      own.addValue(p.value(), ownSeries, p.label());
      mean.addValue(p.mean(), meanSeries, p.label());
    }
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, OWN);
    bars.setMaximumBarWidth(0.08);
    CategoryPlot plot = plot(own, bars, points.size());
    LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
    line.setSeriesPaint(0, MEAN);
    line.setSeriesStroke(0, new BasicStroke(2f));
    plot.setDataset(1, mean);
    plot.setRenderer(1, line);
    return svg(id, new JFreeChart(null, FONT, plot, true), points.size());
  }

  /**
   * The funnel plot: each structure's barometer score (a dot; structures of equal score to 0.1
   * point and equal audits share one) against its number of audits, the national mean, and the
   * limits within which 95% and 99.8% of the scores would fall from the luck of the audits alone.
   *
   * @param points each structure's number of audits and barometer score
   */
  public static String funnel(String id, List<double[]> points, Funnel funnel) {
    XYSeries structures = new XYSeries("Structures (un point par structure)", false, true);
    java.util.Set<String> drawn = new java.util.HashSet<>();
    double maxAudits = 1;
    for (double[] p : points) {
      maxAudits = Math.max(maxAudits, p[0]);
      if (drawn.add(p[0] + "/" + Math.round(p[1] * 10))) {
        structures.add(p[0], p[1]);
      }
    }
    XYSeries inner = new XYSeries("Limites à 95 %", false, true);
    XYSeries innerLow = new XYSeries("95 % (bas)", false, true);
    XYSeries outer = new XYSeries("Limites à 99,8 %", false, true);
    XYSeries outerLow = new XYSeries("99,8 % (bas)", false, true);
    XYSeries mean = new XYSeries("Moyenne nationale", false, true);
    double last = Math.ceil(maxAudits) + 2;
    for (double n = 1; n <= last + 1e-9; n += 0.25) {
      inner.add(n, funnel.limit(n, Funnel.Z95));
      innerLow.add(n, funnel.limit(n, -Funnel.Z95));
      outer.add(n, funnel.limit(n, Funnel.Z998));
      outerLow.add(n, funnel.limit(n, -Funnel.Z998));
      mean.add(n, funnel.mean());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    for (XYSeries series : List.of(structures, inner, innerLow, outer, outerLow, mean)) {
      data.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
    renderer.setSeriesPaint(0, new Color(0x00, 0x00, 0x91, 0x70));
    Color limits95 = new Color(0x18, 0x75, 0x3C);
    BasicStroke dashed =
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    for (int s = 1; s < 6; s++) {
      renderer.setSeriesShapesVisible(s, false);
      renderer.setSeriesStroke(s, s >= 3 && s <= 4 ? dashed : new BasicStroke(1.5f));
      renderer.setSeriesPaint(s, s <= 2 ? limits95 : s <= 4 ? MEAN : Color.DARK_GRAY);
    }
    renderer.setSeriesVisibleInLegend(2, false);
    renderer.setSeriesVisibleInLegend(4, false);
    NumberAxis audits = new NumberAxis("Nombre d'audits du site principal (canaux à distance)");
    audits.setRange(1, last);
    audits.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    audits.setLabelFont(FONT);
    audits.setTickLabelFont(FONT);
    NumberAxis score = new NumberAxis("Score baromètre (sur 100)");
    score.setRange(0, 103);
    score.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
    score.setLabelFont(FONT);
    score.setTickLabelFont(FONT);
    score.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.FRANCE));
    XYPlot plot = new XYPlot(data, audits, score, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    return svg(id, new JFreeChart(null, FONT, plot, true), 1);
  }

  private static CategoryPlot plot(
      org.jfree.data.category.CategoryDataset data,
      org.jfree.chart.renderer.category.CategoryItemRenderer renderer,
      int categories) {
    CategoryAxis categoryAxis = new CategoryAxis();
    categoryAxis.setTickLabelFont(FONT);
    categoryAxis.setMaximumCategoryLabelLines(2);
    NumberAxis scoreAxis = new NumberAxis("Score (sur 100)");
    // A little room above 100: a score of 100 is drawn whole, not cut by the plot's edge.
    scoreAxis.setRange(0, 103);
    scoreAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
    scoreAxis.setLabelFont(FONT);
    scoreAxis.setTickLabelFont(FONT);
    scoreAxis.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.FRANCE));
    CategoryPlot plot = new CategoryPlot(data, categoryAxis, scoreAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    if (categories > MAX_VERTICAL) {
      // Many long labels (categories, criteria): one line each, read down the page.
      plot.setOrientation(PlotOrientation.HORIZONTAL);
    }
    return plot;
  }

  private static String svg(String id, JFreeChart chart, int categories) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(FONT);
    chart.setBorderVisible(true);
    chart.setBorderPaint(FRAME);
    chart.setBorderStroke(new BasicStroke(2f));
    int height = categories > MAX_VERTICAL ? 80 + 26 * categories : HEIGHT;
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
    // Several charts share a page: their clip-path ids must not collide.
    g2.setDefsKeyPrefix(id + "_");
    chart.draw(g2, new Rectangle(0, 0, WIDTH, height));
    String element = g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), null, null);
    return element.replaceFirst(
        "<svg ",
        String.format(
            Locale.ROOT,
            "<svg width='%.1fmm' height='%.1fmm' ",
            WIDTH_MM,
            WIDTH_MM * height / WIDTH));
  }
}
