package io.hubshare.origin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the registry's data files, so that a source such as {@code "Beijing, China"} can hold a
 * comma inside quotes.
 *
 * <p>Fields are separated by commas; a field may be quoted with {@code "}, and {@code ""} inside quotes is one quote;
 * quoted fields may span lines. Line endings may be LF or CRLF. A line starting with {@code #} outside quotes is a
 * comment, and blank lines are skipped: the data files carry their own explanation. Every row remembers the line it
 * started on, so errors can name it.
 */
final class CsvReader {

  /** One record and the (1-based) line it started on. */
  record Row(int line, List<String> fields) {
    Row {
      fields = List.copyOf(fields);
    }
  }

  private final Reader in;
  private final String name;
  private int line = 1;
  private int peeked = -2;

  private CsvReader(Reader in, String name) {
    this.in = in;
    this.name = name;
  }

  /**
   * Reads every record of {@code in}.
   *
   * @param name the file name used in error messages, such as {@code origins.csv}
   * @throws IllegalArgumentException on an unterminated quote or text after a closing quote, naming the line
   * @throws UncheckedIOException if reading fails
   */
  static List<Row> read(Reader in, String name) {
    try {
      return new CsvReader(in, name).readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private List<Row> readAll() throws IOException {
    List<Row> rows = new ArrayList<>();
    if (peek() == '\uFEFF') next(); // a byte-order mark written by some editors
    while (peek() != -1) {
      int c = peek();
      if (c == '#') {
        skipLine();
      } else if (c == '\n' || c == '\r') {
        endOfLine();
      } else {
        rows.add(readRecord());
      }
    }
    return rows;
  }

  private Row readRecord() throws IOException {
    int start = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      fields.add(peek() == '"' ? readQuoted() : readPlain());
      int c = peek();
      if (c == ',') {
        next();
      } else {
        if (c != -1) endOfLine();
        return new Row(start, fields);
      }
    }
  }

  private String readPlain() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = peek(); c != -1 && c != ',' && c != '\n' && c != '\r'; c = peek()) {
      b.append((char) next());
    }
    return b.toString();
  }

  private String readQuoted() throws IOException {
    int start = line;
    next(); // opening quote
    StringBuilder b = new StringBuilder();
    while (true) {
      int c = next();
      if (c == -1) {
        throw new IllegalArgumentException(name + " line " + start + ": unterminated quoted field");
      }
      if (c == '"') {
        if (peek() == '"') {
          b.append((char) next());
          continue;
        }
        int after = peek();
        if (after != ',' && after != '\n' && after != '\r' && after != -1) {
          throw new IllegalArgumentException(
              name + " line " + line + ": unexpected '" + (char) after + "' after a closing quote");
        }
        return b.toString();
      }
      if (c == '\r' && peek() == '\n') {
        next();
        b.append('\n');
        continue;
      }
      b.append((char) c);
    }
  }

  private void skipLine() throws IOException {
    for (int c = peek(); c != -1 && c != '\n' && c != '\r'; c = peek()) next();
    if (peek() != -1) endOfLine();
  }

  private void endOfLine() throws IOException {
    if (next() == '\r' && peek() == '\n') next();
  }

  private int peek() throws IOException {
    if (peeked == -2) peeked = in.read();
    return peeked;
  }

  /** Consumes one character; counts lines as they are passed, LF and lone CR alike (CRLF counts once). */
  private int next() throws IOException {
    int c = peek();
    peeked = -2;
    if (c == '\n' || (c == '\r' && peek() != '\n')) line++;
    return c;
  }
}
