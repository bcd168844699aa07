package io.hubshare.origin;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the registry's account files: {@code origins.csv} ({@code account,organization,country,kind,source}) and
 * {@code unattributed.csv} ({@code account,reason}). Users' own origin files have the same format as the bundled one.
 */
final class OriginCsv {

  static final String[] ORIGIN_COLUMNS = {"account", "organization", "country", "kind", "source"};
  static final String[] UNATTRIBUTED_COLUMNS = {"account", "reason"};

  private OriginCsv() {}

  /**
   * Parses an origins file; every country must have a region in {@code regions}.
   *
   * @param name the file name used in error messages
   * @throws IllegalArgumentException naming the file and line of the first bad row
   */
  static List<Origin> parseOrigins(Reader in, String name, Regions regions) {
    List<CsvReader.Row> rows = CsvReader.read(in, name);
    Csv.requireHeader(rows, name, ORIGIN_COLUMNS);
    List<Origin> origins = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      Csv.requireWidth(row, name, ORIGIN_COLUMNS.length);
      List<String> f = row.fields();
      String account = Csv.account(row, name, f.get(0));
      String organization = Csv.required(row, name, "organization", f.get(1));
      String country = Csv.country(row, name, f.get(2));
      if (!regions.contains(country)) {
        throw Csv.error(row, name, "country " + country + " has no region in regions.csv");
      }
      DeveloperKind kind;
      try {
        kind = DeveloperKind.parse(Csv.required(row, name, "kind", f.get(3)));
      } catch (IllegalArgumentException e) {
        throw Csv.error(row, name, e.getMessage());
      }
      String source = Csv.required(row, name, "source", f.get(4));
      rejectRepeat(lineOf, account, row, name);
      origins.add(new Origin(account, organization, country, regions.regionOf(country), kind, source));
    }
    return origins;
  }

  /**
   * Parses an unattributed file into account → reason, keyed by the lower-cased account.
   *
   * @throws IllegalArgumentException naming the file and line of the first bad row
   */
  static Map<String, String> parseUnattributed(Reader in, String name) {
    List<CsvReader.Row> rows = CsvReader.read(in, name);
    Csv.requireHeader(rows, name, UNATTRIBUTED_COLUMNS);
    Map<String, String> reasons = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      Csv.requireWidth(row, name, UNATTRIBUTED_COLUMNS.length);
      String account = Csv.account(row, name, row.fields().get(0));
      String reason = Csv.required(row, name, "reason", row.fields().get(1));
      rejectRepeat(lineOf, account, row, name);
      reasons.put(key(account), reason);
    }
    return reasons;
  }

  /** The lookup key of an account: Hub names are unique regardless of case. */
  static String key(String account) {
    return account.trim().toLowerCase(Locale.ROOT);
  }

  private static void rejectRepeat(Map<String, Integer> lineOf, String account, CsvReader.Row row, String name) {
    Integer previous = lineOf.putIfAbsent(key(account), row.line());
    if (previous != null) {
      throw Csv.error(row, name, "account '" + account + "' is already listed on line " + previous
          + " (accounts are compared case-insensitively)");
    }
  }
}
