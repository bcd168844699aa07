package io.hubshare.cli;

/**
 * A chart's size in pixels, as {@code --chart-size 1000x600} gives it.
 *
 * @param width the width
 * @param height the height
 */
record ChartSize(int width, int height) {
  ChartSize {
    if (width < 1 || height < 1) throw new IllegalArgumentException("a chart needs a positive size: " + width + "x" + height);
  }
}
