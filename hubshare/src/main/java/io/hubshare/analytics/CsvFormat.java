package io.hubshare.analytics;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The CSV form (RFC 4180) of tables and series. */
final class CsvFormat {
  static final String EOL = "\r\n";
  private static final String TABLE_HEADER = "rank,key,label,value,share,models,missing";

  private CsvFormat() {}

  static String table(ShareTable t) {
    StringBuilder b = new StringBuilder(TABLE_HEADER).append(EOL);
    appendRows(b, t, null);
    return b.toString();
  }

  static String series(ShareSeries s) {
    StringBuilder b = new StringBuilder("at,").append(TABLE_HEADER).append(EOL);
    for (ShareSeries.Point p : s.points()) appendRows(b, p.table(), p.at());
    return b.toString();
  }

  private static void appendRows(StringBuilder b, ShareTable t, @Nullable Instant at) {
    for (ShareRow r : t.rows()) appendRow(b, at, r);
    appendRow(b, at, t.unknown());
  }

  private static void appendRow(StringBuilder b, @Nullable Instant at, ShareRow r) {
    if (at != null) b.append(at).append(',');
    b.append(r.isUnknown() ? "" : Integer.toString(r.rank())).append(',')
        .append(quote(r.key())).append(',')
        .append(quote(r.label())).append(',')
        .append(r.value()).append(',')
        .append(share(r.share())).append(',')
        .append(r.models()).append(',')
        .append(r.missing()).append(EOL);
  }

  /** Shares with ten decimals: exact enough to recompute any value, never in exponent notation. */
  static String share(double share) {
    return String.format(Locale.ROOT, "%.10f", share);
  }

  /**
   * A field as RFC 4180 wants it, safe in a spreadsheet: see {@link PlainText#csvCell(String)} (controls stripped,
   * a leading {@code = + - @} neutralised, quoted when needed).
   */
  static String quote(String field) {
    return PlainText.csvCell(field);
  }
}
