package io.hubshare.origin;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation shared by the registry's file parsers; every message names the file and line. */
final class Csv {

  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private Csv() {}

  static IllegalArgumentException error(CsvReader.Row row, String name, String problem) {
    return new IllegalArgumentException(name + " line " + row.line() + ": " + problem);
  }

  /** Checks that the first record is exactly {@code columns} (case-insensitively, spaces trimmed). */
  static void requireHeader(List<CsvReader.Row> rows, String name, String... columns) {
    String expected = String.join(",", columns);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(name + ": empty file; expected the header '" + expected + "'");
    }
    CsvReader.Row header = rows.get(0);
    String found = String.join(",", header.fields().stream().map(String::trim).toList());
    if (!found.equalsIgnoreCase(expected)) {
      throw error(header, name, "expected the header '" + expected + "' but found '" + found + "'");
    }
  }

  static void requireWidth(CsvReader.Row row, String name, int width) {
    if (row.fields().size() != width) {
      throw error(row, name, "expected " + width + " fields but found " + row.fields().size()
          + " (quote a field that contains a comma)");
    }
  }

  static String required(CsvReader.Row row, String name, String column, String value) {
    String v = value.trim();
    if (v.isEmpty()) throw error(row, name, "empty " + column);
    return v;
  }

  /** Whether {@code s} has the shape of a Hub account name. */
  static boolean isAccount(String s) {
    return ACCOUNT.matcher(s).matches();
  }

  /** A Hub account name: letters, digits, '-', '_' and '.', starting with a letter or digit. */
  static String account(CsvReader.Row row, String name, String value) {
    String v = required(row, name, "account", value);
    if (!isAccount(v)) {
      throw error(row, name, "invalid account '" + v + "'; expected a Hub account name such as 'Qwen'");
    }
    return v;
  }

  /** An ISO 3166-1 alpha-2 country code or XX, upper-cased. */
  static String country(CsvReader.Row row, String name, String value) {
    String v = required(row, name, "country", value).toUpperCase(Locale.ROOT);
    if (!Regions.isCountryCode(v)) {
      throw error(row, name, "invalid country '" + value.trim()
          + "'; expected an ISO 3166-1 alpha-2 code such as CN or US, or XX for international collectives");
    }
    return v;
  }
}
