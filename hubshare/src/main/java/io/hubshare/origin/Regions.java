package io.hubshare.origin;

import java.io.Reader;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Country code to region name, read from {@code regions.csv} (columns {@code country,region}). */
final class Regions {

  /** The user-assigned ISO code of developers that are international or online collectives. */
  static final String INTERNATIONAL = "XX";

  private static final Set<String> ISO_COUNTRIES =
      Collections.unmodifiableSet(new HashSet<>(Arrays.asList(Locale.getISOCountries())));

  private final Map<String, String> regionByCountry;

  private Regions(Map<String, String> regionByCountry) {
    this.regionByCountry = Collections.unmodifiableMap(regionByCountry);
  }

  /** Whether {@code code} is an ISO 3166-1 alpha-2 code known to the JDK, or {@link #INTERNATIONAL}. */
  static boolean isCountryCode(String code) {
    return INTERNATIONAL.equals(code) || ISO_COUNTRIES.contains(code);
  }

  /**
   * Parses a regions file.
   *
   * @param name the file name used in error messages
   * @throws IllegalArgumentException on a bad header, an invalid or repeated country, or an empty region
   */
  static Regions parse(Reader in, String name) {
    List<CsvReader.Row> rows = CsvReader.read(in, name);
    Csv.requireHeader(rows, name, "country", "region");
    Map<String, String> map = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      Csv.requireWidth(row, name, 2);
      String country = Csv.country(row, name, row.fields().get(0));
      String region = Csv.required(row, name, "region", row.fields().get(1));
      Integer previous = lineOf.putIfAbsent(country, row.line());
      if (previous != null) {
        throw Csv.error(row, name, "country " + country + " is already mapped on line " + previous);
      }
      map.put(country, region);
    }
    return new Regions(map);
  }

  /** The region of {@code country}, or {@link Origin#UNKNOWN_REGION} if null or unmapped. */
  String regionOf(@Nullable String country) {
    if (country == null) return Origin.UNKNOWN_REGION;
    return regionByCountry.getOrDefault(country.trim().toUpperCase(Locale.ROOT), Origin.UNKNOWN_REGION);
  }

  /** Whether {@code country} (upper case) has a region. */
  boolean contains(String country) {
    return regionByCountry.containsKey(country);
  }

  /** The mapped country codes, in file order. */
  Set<String> countries() {
    return regionByCountry.keySet();
  }
}
