package io.hubshare.cli;

import io.hubshare.analytics.PlainText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rows of text printed as aligned columns for people, or as CSV (RFC 4180) for spreadsheets. Numbers read best
 * right-aligned, so each column says how it aligns; an absent cell prints empty.
 *
 * <pre>
 * account  organization  country
 * -------  ------------  -------
 * Qwen     Alibaba       CN
 * </pre>
 */
final class TextTable {
  /** How a column's cells line up. */
  enum Align { LEFT, RIGHT }

  private final List<String> headers;
  private final Align[] aligns;
  private final List<List<String>> rows = new ArrayList<>();

  private TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
    this.aligns = new Align[headers.size()];
    Arrays.fill(aligns, Align.LEFT);
  }

  /** A table with these column headers, every column aligned left. */
  static TextTable of(String... headers) {
    return new TextTable(List.of(headers));
  }

  /** Aligns these columns (0-based) right, as numbers read best; returns this table. */
  TextTable alignRight(int... columns) {
    for (int c : columns) aligns[c] = Align.RIGHT;
    return this;
  }

  /**
   * Adds a row; {@code null} cells print empty.
   *
   * @throws IllegalArgumentException if the row does not have one cell per column
   */
  TextTable add(@Nullable Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size()
          + " columns");
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object c : cells) row.add(c == null ? "" : oneLine(c.toString()));
    rows.add(row);
    return this;
  }

  /**
   * Pairs as aligned {@code key  value} lines, without header; a pair whose value is {@code null} is left out.
   */
  static String keyValues(Map<String, @Nullable String> pairs) {
    int width = 0;
    for (Map.Entry<String, @Nullable String> e : pairs.entrySet()) {
      if (e.getValue() != null) width = Math.max(width, e.getKey().length());
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, @Nullable String> e : pairs.entrySet()) {
      if (e.getValue() == null) continue;
      b.append(e.getKey()).append(" ".repeat(width - e.getKey().length() + 2)).append(oneLine(e.getValue()))
          .append('\n');
    }
    return b.toString();
  }

  /** How many rows were added. */
  int size() {
    return rows.size();
  }

  /** The table as aligned columns two spaces apart, a rule under the header, no trailing spaces. */
  String toText() {
    int[] width = new int[headers.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = headers.get(c).length();
      for (List<String> r : rows) width[c] = Math.max(width[c], r.get(c).length());
    }
    StringBuilder b = new StringBuilder();
    line(b, headers, width);
    List<String> rule = new ArrayList<>();
    for (int w : width) rule.add("-".repeat(w));
    line(b, rule, width);
    for (List<String> r : rows) line(b, r, width);
    return b.toString();
  }

  /** The table as CSV with a header line; fields holding a comma, quote or line break are quoted. */
  String toCsv() {
    StringBuilder b = new StringBuilder();
    csvLine(b, headers);
    for (List<String> r : rows) csvLine(b, r);
    return b.toString();
  }

  private void line(StringBuilder b, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) l.append("  ");
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      l.append(aligns[c] == Align.RIGHT ? pad + cell : cell + pad);
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  private static void csvLine(StringBuilder b, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) b.append(',');
      b.append(csvField(cells.get(c)));
    }
    b.append('\n');
  }

  /**
   * One CSV field, quoted when it must be, and safe in a spreadsheet: a leading {@code = + - @} is neutralised,
   * control characters are stripped ({@link PlainText#csvCell}).
   */
  static String csvField(String value) {
    Objects.requireNonNull(value, "value");
    return PlainText.csvCell(value);
  }

  // A cell never breaks the layout nor drives the terminal: line breaks in hub data (descriptions, names) become
  // spaces, escape sequences and other control characters are removed.
  private static String oneLine(String s) {
    return PlainText.strip(s);
  }
}
