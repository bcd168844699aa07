package io.hubshare.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jspecify.annotations.Nullable;

/**
 * Share charts as PNG files, drawn off-screen with JFreeChart: bars for one table (the top keys, "Other",
 * "Unknown"), lines for the same shares over several snapshots.
 */
final class ShareChart {
  /** The size of a chart unless {@code --chart-size} says otherwise. */
  static final int DEFAULT_WIDTH = 1000;
  static final int DEFAULT_HEIGHT = 600;

  private static final Color KEY = new Color(0x33, 0x66, 0x99);
  private static final Color OTHER = new Color(0xA0, 0xA0, 0xA0);
  private static final Color UNKNOWN = new Color(0xD0, 0xD0, 0xD0);
  /** Line colours that stay apart on white (Tableau 10 without its grey, kept for "Unknown"). */
  private static final Color[] LINES = {
      new Color(0x4E79A7), new Color(0xE15759), new Color(0x59A14F), new Color(0xF28E2B), new Color(0xB07AA1),
      new Color(0x76B7B2), new Color(0xEDC948), new Color(0xFF9DA7), new Color(0x9C755F)};

  static {
    // No display is needed, and a server has none.
    System.setProperty("java.awt.headless", "true");
  }

  private ShareChart() {}

  /**
   * Writes a horizontal bar chart of {@code bars}, in their order, each labelled with its share in percent.
   *
   * @param subtitle a line under the title, such as the source of the data; {@code null} for none
   *
   * @throws IOException if the file cannot be written
   */
  static void bars(Path file, String title, @Nullable String subtitle, List<ChartBar> bars, int width, int height)
      throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ChartBar b : bars) data.addValue(b.share(), "share", b.label());
    JFreeChart chart = ChartFactory.createBarChart(title, null, "share of the total", data,
        PlotOrientation.HORIZONTAL, false, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    percentAxis((NumberAxis) plot.getRangeAxis());
    CategoryAxis keys = plot.getDomainAxis();
    keys.setMaximumCategoryLabelWidthRatio(0.35f);
    BarRenderer renderer = new BarRenderer() {
      private static final long serialVersionUID = 1L;

      @Override
      public Paint getItemPaint(int row, int column) {
        switch (bars.get(column).kind()) {
          case OTHER: return OTHER;
          case UNKNOWN: return UNKNOWN;
          default: return KEY;
        }
      }
    };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
      private static final long serialVersionUID = 1L;

      @Override
      public String generateLabel(CategoryDataset dataset, int row, int column) {
        return Numbers.percent1(bars.get(column).share());
      }
    });
    renderer.setDefaultItemLabelsVisible(true);
    // The share reads at the end of its bar.
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    renderer.setItemLabelInsets(new RectangleInsets(4, 4, 4, 4));
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    plot.setRenderer(renderer);
    write(file, chart, subtitle, width, height);
  }

  /**
   * Writes a line chart of each key's share at each time: one line per entry of {@code shares}, whose values
   * follow {@code times}; a {@code null} value leaves a gap.
   *
   * @param subtitle a line under the title, such as the source of the data; {@code null} for none
   *
   * @throws IllegalArgumentException if a series does not have one value per time
   * @throws IOException if the file cannot be written
   */
  static void lines(Path file, String title, @Nullable String subtitle, List<Instant> times,
      Map<String, List<Double>> shares, int width, int height) throws IOException {
    TimeSeriesCollection data = new TimeSeriesCollection();
    for (Map.Entry<String, List<Double>> e : shares.entrySet()) {
      if (e.getValue().size() != times.size()) {
        throw new IllegalArgumentException("series '" + e.getKey() + "' has " + e.getValue().size()
            + " values for " + times.size() + " times");
      }
      TimeSeries s = new TimeSeries(e.getKey());
      for (int i = 0; i < times.size(); i++) {
        Double v = e.getValue().get(i);
        if (v != null) s.addOrUpdate(new FixedMillisecond(times.get(i).toEpochMilli()), v);
      }
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "snapshot", "share of the total", data,
        true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    percentAxis((NumberAxis) plot.getRangeAxis());
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setAutoPopulateSeriesStroke(false);
    renderer.setDefaultStroke(new BasicStroke(2f));
    int i = 0;
    for (String key : shares.keySet()) {
      renderer.setSeriesPaint(i, key.equals(ChartBar.UNKNOWN) ? UNKNOWN.darker() : LINES[i % LINES.length]);
      i++;
    }
    plot.setRenderer(renderer);
    write(file, chart, subtitle, width, height);
  }

  private static void percentAxis(NumberAxis axis) {
    axis.setNumberFormatOverride(percent());
    axis.setAutoRangeIncludesZero(true);
    axis.setUpperMargin(0.12); // room for the bar labels
  }

  private static NumberFormat percent() {
    NumberFormat f = NumberFormat.getPercentInstance(Locale.ROOT);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f;
  }

  private static void write(Path file, JFreeChart chart, @Nullable String subtitle, int width, int height)
      throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    if (subtitle != null) chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    // The folder is not created: the command checks it first, and a mistyped one must not come into being.
    try (OutputStream out = Files.newOutputStream(file)) {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (FileSystemException e) {
      throw e; // names the file already
    } catch (IOException e) {
      // "No space left on device" alone names nothing.
      FileSystemException named = new FileSystemException(file.toString(), null, "cannot write the chart: "
          + e.getMessage());
      named.initCause(e);
      throw named;
    }
  }
}
