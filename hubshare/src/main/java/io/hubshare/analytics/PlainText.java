package io.hubshare.analytics;

import java.util.regex.Pattern;

/**
 * Text from a hub made safe to print and to open in a spreadsheet. A model's name, an author, a licence or an error
 * message is whatever the hub (or a mirror, or a crafted file) sent: an escape sequence in it would repaint a
 * terminal, and a CSV cell starting with {@code =} is a formula to Excel or LibreOffice ({@code =HYPERLINK(…)},
 * {@code =cmd|…}).
 *
 * <pre>{@code
 * PlainText.strip("evil\u001b[2J name");    // "evil[2J name": no escape character left
 * PlainText.csvCell("=HYPERLINK(\"x\")");   // "\"'=HYPERLINK(\"\"x\"\")\"": shown as text, never evaluated
 * PlainText.csvCell("-12");                 // "-12": a number stays a number
 * }</pre>
 */
public final class PlainText {
  /** A number as hubshare writes numbers: a sign, digits, a decimal point, an exponent. Never a formula. */
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private PlainText() {}

  /**
   * {@code text} without control characters: line breaks and tabs become spaces; the other C0 and C1 controls
   * (the escape character included), DEL, and the bidirectional overrides that reorder what a terminal shows, are
   * removed.
   */
  public static String strip(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c == '\n' || c == '\r' || c == '\t';
      if (space || isControl(c)) {
        if (b == null) b = new StringBuilder(text.length()).append(text, 0, i);
        if (space) b.append(' ');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }

  /**
   * {@code text} as a terminal may show it: line breaks and tabs kept, every other control character (the escape
   * character first), DEL and the bidirectional overrides removed. For whole outputs whose lines are meant.
   */
  public static String printable(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean drop = c != '\n' && c != '\r' && c != '\t' && isControl(c);
      if (drop) {
        if (b == null) b = new StringBuilder(text.length()).append(text, 0, i);
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }

  /**
   * One CSV field (RFC 4180) that a spreadsheet shows as text: controls stripped as {@link #strip} does (line breaks
   * kept, inside quotes), a leading {@code =}, {@code +}, {@code -} or {@code @} neutralised with a {@code '} as
   * OWASP recommends (numbers excepted), quoted when it holds a comma, a quote, a line break or edge spaces.
   */
  public static String csvCell(String field) {
    String f = stripKeepingLines(field);
    if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 && !NUMBER.matcher(f).matches()) f = "'" + f;
    boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
        || (!f.isEmpty() && (f.charAt(0) == ' ' || f.charAt(f.length() - 1) == ' '));
    return quote ? '"' + f.replace("\"", "\"\"") + '"' : f;
  }

  private static String stripKeepingLines(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean drop = c != '\n' && c != '\r' && (c == '\t' ? false : isControl(c));
      if (drop) {
        if (b == null) b = new StringBuilder(text.length()).append(text, 0, i);
      } else if (b != null) {
        b.append(c == '\t' ? ' ' : c);
      } else if (c == '\t') {
        b = new StringBuilder(text.length()).append(text, 0, i).append(' ');
      }
    }
    return b == null ? text : b.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
