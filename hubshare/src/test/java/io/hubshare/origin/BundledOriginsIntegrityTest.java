package io.hubshare.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled data files, read raw, hold what the registry promises: complete, sourced, unambiguous rows. */
class BundledOriginsIntegrityTest {

  /** The regions the documentation promises; a new one must be documented too. */
  private static final Set<String> REGIONS = Set.of("China", "United States", "Europe", "Korea", "Japan", "India",
      "Middle East", "Canada", "Other Asia-Pacific", "Latin America", "Africa", "International", "Other");

  private static final Pattern URL = Pattern.compile("https?://\\S+.*");

  static List<CsvReader.Row> rows(String file) throws IOException {
    try (InputStream in = OriginRegistry.class.getResourceAsStream("/io/hubshare/origin/" + file)) {
      assertThat(in).as(file).isNotNull();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        List<CsvReader.Row> rows = CsvReader.read(r, file);
        return rows.subList(1, rows.size());
      }
    }
  }

  @Test
  void everyOriginRowHasAccountOrganizationCountryKindAndSource() throws IOException {
    List<CsvReader.Row> rows = rows("origins.csv");
    assertThat(rows).hasSizeGreaterThan(100);
    for (CsvReader.Row row : rows) {
      assertThat(row.fields()).as("line %d", row.line()).hasSize(5).allSatisfy(f -> assertThat(f).isNotBlank());
      assertThat(row.fields().get(0)).as("line %d account", row.line()).matches("[A-Za-z0-9][A-Za-z0-9._-]*");
      assertThat(DeveloperKind.parse(row.fields().get(3))).isNotEqualTo(DeveloperKind.UNKNOWN);
    }
  }

  @Test
  void everySourceIsAUrlOrAPreciseReference() throws IOException {
    for (CsvReader.Row row : rows("origins.csv")) {
      String source = row.fields().get(4);
      assertThat(URL.matcher(source).matches() || source.length() >= 30)
          .as("line %d source '%s'", row.line(), source).isTrue();
    }
  }

  @Test
  void internationalEntriesSayWhyInTheirSource() throws IOException {
    for (CsvReader.Row row : rows("origins.csv")) {
      if (row.fields().get(2).equals("XX")) {
        assertThat(row.fields().get(4)).as("line %d", row.line()).contains("XX:").containsIgnoringCase("country");
      }
    }
  }

  @Test
  void everyCountryIsAnIsoCodeOrXxAndHasARegion() throws IOException {
    Set<String> iso = Set.of(Locale.getISOCountries());
    Set<String> mapped = rows("regions.csv").stream().map(r -> r.fields().get(0)).collect(Collectors.toSet());
    for (CsvReader.Row row : rows("origins.csv")) {
      String country = row.fields().get(2);
      assertThat(iso.contains(country) || country.equals("XX")).as("line %d country %s", row.line(), country).isTrue();
      assertThat(mapped).as("line %d country %s in regions.csv", row.line(), country).contains(country);
    }
  }

  @Test
  void regionsCoverEveryIsoCountryOnceWithADocumentedRegion() throws IOException {
    List<CsvReader.Row> rows = rows("regions.csv");
    Map<String, Integer> seen = new HashMap<>();
    for (CsvReader.Row row : rows) {
      String country = row.fields().get(0);
      assertThat(seen.put(country, row.line())).as("%s mapped twice", country).isNull();
      assertThat(REGIONS).as("line %d region", row.line()).contains(row.fields().get(1));
    }
    assertThat(seen.keySet()).containsAll(Set.of(Locale.getISOCountries())).contains("XX");
    assertThat(seen).hasSize(Locale.getISOCountries().length + 1);
  }

  @Test
  void noAccountIsMappedTwiceIgnoringCase() throws IOException {
    Map<String, Integer> seen = new HashMap<>();
    for (CsvReader.Row row : rows("origins.csv")) {
      String key = row.fields().get(0).toLowerCase(Locale.ROOT);
      assertThat(seen.put(key, row.line())).as("'%s' on line %d is already listed", key, row.line()).isNull();
    }
    assertThat(OriginRegistry.bundled().entries()).hasSize(seen.size());
  }

  @Test
  void unattributedRowsGiveAReason() throws IOException {
    for (CsvReader.Row row : rows("unattributed.csv")) {
      assertThat(row.fields()).as("line %d", row.line()).hasSize(2);
      assertThat(row.fields().get(1)).as("line %d reason", row.line()).hasSizeGreaterThan(15);
    }
  }
}
