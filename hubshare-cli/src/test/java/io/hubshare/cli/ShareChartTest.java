package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareChartTest {

  // Shares by region of a hand-made table: two keys, a rest, an unknown bucket.
  private static final List<ChartBar> RANKED = List.of(
      new ChartBar("China", 0.30, ChartBar.Kind.KEY),
      new ChartBar("United States", 0.25, ChartBar.Kind.KEY),
      new ChartBar("Europe", 0.10, ChartBar.Kind.KEY),
      new ChartBar("Korea", 0.05, ChartBar.Kind.KEY));

  @Test
  void topWithRestKeepsTheTopKeysThenOtherThenUnknown() {
    List<ChartBar> bars = ChartBar.topWithRest(RANKED, 0.30, 2);

    assertThat(bars).extracting(ChartBar::label).containsExactly("China", "United States", "Other 2 rows", "Unknown");
    assertThat(bars.get(2).share()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(bars.get(3).kind()).isEqualTo(ChartBar.Kind.UNKNOWN);
    assertThat(bars.stream().mapToDouble(ChartBar::share).sum()).isCloseTo(1.0,
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void topWithRestLeavesOutEmptyBuckets() {
    assertThat(ChartBar.topWithRest(RANKED, 0, 10)).extracting(ChartBar::label)
        .containsExactly("China", "United States", "Europe", "Korea");
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new ChartBar("x", 1.5, ChartBar.Kind.KEY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
  }

  @Test
  void barChartIsAPngOfTheAskedSizeWithKeyAndUnknownColours(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("shares.png");

    ShareChart.bars(png, "Shares by region (downloads, uploader)", "a hand-made table", ChartBar.topWithRest(RANKED, 0.30, 3), 800, 500);

    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(500);
    assertThat(countPixels(image, 0x336699)).as("key bars").isGreaterThan(1000);
    assertThat(countPixels(image, 0xD0D0D0)).as("unknown bar").isGreaterThan(100);
    assertThat(countPixels(image, 0xA0A0A0)).as("other bar").isGreaterThan(100);
  }

  @Test
  void lineChartDrawsEachKeyOverTime(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("series.png");
    Map<String, List<Double>> shares = new LinkedHashMap<>();
    shares.put("China", List.of(0.20, 0.25, 0.30));
    shares.put("United States", List.of(0.30, 0.27, 0.25));
    shares.put("Unknown", List.of(0.40, 0.38, 0.35));
    List<Instant> times = List.of(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"),
        Instant.parse("2026-08-01T00:00:00Z"));

    ShareChart.lines(png, "Shares by region over time", null, times, shares, 640, 480);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(480);
    assertThat(countNonGrey(image)).as("coloured lines").isGreaterThan(200);
  }

  @Test
  void aSeriesWithTheWrongNumberOfValuesIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> ShareChart.lines(dir.resolve("x.png"), "t", null, List.of(Instant.EPOCH),
        Map.of("China", List.of(0.1, 0.2)), 100, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("China");
  }

  private static int countPixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
      }
    }
    return n;
  }

  private static int countNonGrey(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) n++;
      }
    }
    return n;
  }
}
