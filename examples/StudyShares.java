import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.Metric;
import io.hubshare.analytics.MetricUnavailableException;
import io.hubshare.analytics.ShareRow;
import io.hubshare.analytics.ShareTable;
import io.hubshare.analytics.Shares;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The study's measure, from Java: the share of first-year downloads of new models by the developer's country, for
 * models created in the twelve months before a date, credited by uploader and by lineage root, unknown shown.
 *
 * <p>Run it from the project's root, after {@code mvn -q package -DskipTests}:
 *
 * <pre>
 * java -cp target/hubshare-cli.jar examples/StudyShares.java [SNAPSHOT] [END-DATE] [CHART.png]
 * </pre>
 *
 * Defaults: the bundled sample, the snapshot's completion date, {@code target/study-shares.png}.
 *
 * <p>First-year downloads: in a snapshot taken at the end of the window, the all-time downloads of a model created
 * within the window are the downloads of its first months (at most a year). A snapshot without all-time counts (the
 * bundled sample has none) falls back to 30-day downloads, and says so: never a silent substitute.
 */
public class StudyShares {
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "examples/data/hub-sample-2026-08.jsonl.gz");
    Path chart = Path.of(args.length > 2 ? args[2] : "target/study-shares.png");

    try (Snapshot snapshot = Snapshots.open(file)) {
      Instant end = args.length > 1
          ? java.time.LocalDate.parse(args[1]).atStartOfDay(ZoneOffset.UTC).toInstant()
          : snapshot.header().completedAt() != null ? snapshot.header().completedAt() : snapshot.header().startedAt();
      Instant start = end.atZone(ZoneOffset.UTC).minusYears(1).toInstant();

      Shares base = Shares.by(Dimension.COUNTRY).createdBetween(start, end);
      Metric metric = Metric.DOWNLOADS_ALL_TIME;
      ShareTable byUploader;
      try {
        byUploader = base.metric(metric).compute(snapshot);
      } catch (MetricUnavailableException e) {
        System.out.println("This snapshot has no all-time download counts: using 30-day downloads instead.\n");
        metric = Metric.DOWNLOADS;
        byUploader = base.metric(metric).compute(snapshot);
      }
      ShareTable byRoot = base.metric(metric).attribution(Attribution.ROOT)
          .lineage(LineageIndex.of(snapshot))      // every link in the snapshot, so roots outside the window count
          .compute(snapshot);

      System.out.printf("Models created in [%s, %s): %,d of %,d in %s%n%n", start, end,
          byUploader.counts().matched(), byUploader.counts().seen(), file.getFileName());
      System.out.println("Credited to the uploading account:");
      System.out.println(byUploader.toText(12));
      System.out.println("Credited to the developer of the lineage root:");
      System.out.println(byRoot.toText(12));
      writeChart(chart, byUploader, byRoot, 10);
      System.out.println("Chart: " + chart);
    }
  }

  /** A grouped bar chart: each country's share under both attributions, the unknown bucket last. */
  static void writeChart(Path file, ShareTable uploader, ShareTable root, int top) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<ShareRow> rows = uploader.top(top);
    for (ShareRow r : rows) {
      data.addValue(100 * r.share(), "uploader", r.label());
      data.addValue(100 * root.share(r.key()), "lineage root", r.label());
    }
    data.addValue(100 * uploader.unknown().share(), "uploader", "Unknown");
    data.addValue(100 * root.unknown().share(), "lineage root", "Unknown");
    JFreeChart chart = ChartFactory.createBarChart(
        "Share of " + uploader.metric().label() + " by country, models created in the window",
        "country of the credited developer", "share (%)", data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
    if (file.getParent() != null) java.nio.file.Files.createDirectories(file.getParent());
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 600);
  }
}
