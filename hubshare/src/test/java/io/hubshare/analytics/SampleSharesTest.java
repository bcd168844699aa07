package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.hub.ModelIds;
import io.hubshare.domain.Model;
import io.hubshare.internal.hf.HfModels;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shares over the real 2026-08 sample (15,156 models), checked against an independent computation: a plain loop
 * over the raw JSON (Jackson tree), with countries read from the bundled origins CSV by this test's own parser and
 * lineage walked over the raw {@code base_model:} tags. The two must agree to the unit.
 */
class SampleSharesTest {
  static final String SAMPLE = "/fixtures/hf/hub-sample-2026-08/models.jsonl.gz";
  static final String ORIGINS_CSV = "/io/hubshare/origin/origins.csv";
  static final Set<String> RELATIONS = Set.of("adapter", "finetune", "quantized", "merge");
  static final Set<String> PLACEHOLDERS = Set.of("none", "null", "nil", "undefined", "unknown", "nan", "tbd", "todo");

  static List<String> lines;
  static Map<String, String> countryByAccount;

  @BeforeAll
  static void readSample() throws IOException {
    lines = readLines(SAMPLE, true);
    countryByAccount = readCountries();
  }

  @Test
  void sampleIsTheRecordedOne() {
    assertThat(lines).hasSize(15_156);
  }

  @Test
  void countrySharesOfThirtyDayDownloadsByUploaderMatchAPlainLoop() {
    ShareTable t = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS).compute(models());

    Tally expected = new Tally();
    for (String line : lines) {
      JsonNode m = json(line);
      expected.add(countryOf(uploader(m)), m.path("downloads").isIntegralNumber() ? m.get("downloads").asLong() : null);
    }
    assertMatches(t, expected);
    // The sample is real: the largest developers are known, and many accounts are not.
    assertThat(t.rows()).hasSizeGreaterThan(5);
    assertThat(t.unknown().models()).isGreaterThan(1000);
  }

  @Test
  void modelCountsByCountryMatchAPlainLoop() {
    ShareTable t = Shares.by(Dimension.COUNTRY).metric(Metric.MODELS).compute(models());

    Tally expected = new Tally();
    for (String line : lines) expected.add(countryOf(uploader(json(line))), 1L);
    assertMatches(t, expected);
    assertThat(t.total()).isEqualTo(15_156L);
  }

  @Test
  void countrySharesByLineageRootMatchAnIndependentWalkOfTheTags() {
    ShareTable onePass = Shares.by(Dimension.COUNTRY).attribution(Attribution.ROOT).compute(models());

    Map<String, List<String>> bases = new HashMap<>();
    for (String line : lines) {
      JsonNode m = json(line);
      List<String> b = baseIds(m);
      if (!b.isEmpty()) bases.put(m.get("id").asText().toLowerCase(Locale.ROOT), b);
    }
    Tally expected = new Tally();
    int derivativesCredited = 0;
    for (String line : lines) {
      JsonNode m = json(line);
      String id = m.get("id").asText();
      // An original is its own root; a derivative goes to the root of its primary (smallest) base.
      List<String> own = baseIds(m);
      String root = own.isEmpty() ? id : rootOf(own.stream().min(String::compareTo).orElseThrow(), bases);
      String account = root.equals(id) ? uploader(m) : owner(root);
      if (!root.equals(id)) derivativesCredited++;
      expected.add(countryOf(account), m.path("downloads").isIntegralNumber() ? m.get("downloads").asLong() : null);
    }
    assertMatches(onePass, expected);
    assertThat(derivativesCredited).isGreaterThan(7_000);

    // Two passes (index first) must give the same table as one.
    ShareTable twoPass = Shares.by(Dimension.COUNTRY).attribution(Attribution.ROOT)
        .lineage(LineageIndex.of(models())).compute(models());
    assertThat(twoPass.rows()).isEqualTo(onePass.rows());
    assertThat(twoPass.unknown()).isEqualTo(onePass.unknown());
  }

  @Test
  void attributionsAgreeOnOriginalsAndOnlyMoveDerivatives() {
    Shares countries = Shares.by(Dimension.COUNTRY);
    ShareTable uploader = countries.compute(models());
    ShareTable parent = countries.attribution(Attribution.PARENT).compute(models());
    ShareTable root = countries.attribution(Attribution.ROOT).compute(models());
    assertThat(parent.total()).isEqualTo(uploader.total());
    assertThat(root.total()).isEqualTo(uploader.total());

    Shares originals = countries.where(m -> !m.isDerivative());
    ShareTable o = originals.compute(models());
    assertThat(originals.attribution(Attribution.PARENT).compute(models()).rows()).isEqualTo(o.rows());
    assertThat(originals.attribution(Attribution.ROOT).compute(models()).rows()).isEqualTo(o.rows());
    assertThat(o.counts().matched()).isEqualTo(7_044L);

    // sentence-transformers/all-MiniLM-L6-v2 (uploaded by a known organisation) fine-tunes a model of an
    // individual the registry does not know: under ROOT its downloads leave the uploader's country.
    ShareTable families = Shares.by(Dimension.FAMILY).attribution(Attribution.ROOT).compute(models());
    assertThat(families.rows().get(0).key()).isEqualTo("nreimers/MiniLM-L6-H384-uncased");
    assertThat(root.unknown().value()).isGreaterThan(uploader.unknown().value());
  }

  // ---- the independent computation ----

  Iterable<Model> models() {
    return () -> lines.stream().map(HfModels::parse).iterator();
  }

  static void assertMatches(ShareTable t, Tally expected) {
    Map<String, Long> actual = new TreeMap<>();
    for (ShareRow r : t.rows()) actual.put(r.key(), r.value());
    assertThat(actual).isEqualTo(expected.byCountry);
    assertThat(t.unknown().value()).isEqualTo(expected.unknown);
    assertThat(t.counts().missing()).isEqualTo(expected.missing);
    assertThat(t.total()).isEqualTo(expected.total());
    for (ShareRow r : t.rows()) {
      assertThat(r.share()).isEqualTo((double) r.value() / expected.total());
    }
  }

  static final class Tally {
    final Map<String, Long> byCountry = new TreeMap<>();
    long unknown;
    long missing;

    void add(String country, Long value) {
      if (value == null) missing++;
      long v = value == null ? 0 : value;
      if (country == null) {
        unknown += v;
      } else {
        byCountry.merge(country, v, Long::sum);
      }
    }

    long total() {
      return unknown + byCountry.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  String countryOf(String account) {
    return account == null ? null : countryByAccount.get(account.toLowerCase(Locale.ROOT));
  }

  static String uploader(JsonNode m) {
    return m.hasNonNull("author") ? m.get("author").asText() : owner(m.get("id").asText());
  }

  static String owner(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? null : id.substring(0, slash);
  }

  /** Base ids from the {@code base_model:} tags, else from {@code cardData.base_model}; no self or junk links. */
  static List<String> baseIds(JsonNode m) {
    String id = m.get("id").asText();
    List<String> raw = new ArrayList<>();
    for (JsonNode tag : m.path("tags")) {
      String t = tag.asText();
      if (!t.startsWith("base_model:")) continue;
      String rest = t.substring("base_model:".length());
      int colon = rest.indexOf(':');
      raw.add(colon >= 0 && RELATIONS.contains(rest.substring(0, colon)) ? rest.substring(colon + 1) : rest);
    }
    if (raw.isEmpty()) {
      JsonNode card = m.path("cardData").path("base_model");
      if (card.isTextual()) raw.add(card.asText().trim());
      for (JsonNode c : card) raw.add(c.asText().trim());
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String b : raw) {
      boolean placeholder = b.indexOf('/') < 0 && PLACEHOLDERS.contains(b.toLowerCase(Locale.ROOT));
      if (!ModelIds.isValid(b) || placeholder || b.equalsIgnoreCase(id)) continue;
      if (seen.add(b.toLowerCase(Locale.ROOT))) out.add(b);
    }
    return out;
  }

  /**
   * Follows the smallest base id (as spelled, by {@code String.compareTo}) until a model without bases; at a repeat,
   * stops at the last new id. Ids match ignoring case, as the Hub resolves them.
   */
  static String rootOf(String id, Map<String, List<String>> bases) {
    Set<String> visited = new HashSet<>();
    visited.add(id.toLowerCase(Locale.ROOT));
    String current = id;
    while (bases.containsKey(current.toLowerCase(Locale.ROOT))) {
      String next = bases.get(current.toLowerCase(Locale.ROOT)).stream().min(String::compareTo).orElseThrow();
      if (!visited.add(next.toLowerCase(Locale.ROOT))) break;
      current = next;
    }
    return current;
  }

  /** account (lower case) → country, read from the bundled CSV by a parser of this test's own. */
  static Map<String, String> readCountries() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    boolean header = true;
    for (String line : readLines(ORIGINS_CSV, false)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      List<String> f = csvFields(line);
      if (header) {
        assertThat(f.subList(0, 3)).containsExactly("account", "organization", "country");
        header = false;
        continue;
      }
      out.put(f.get(0).toLowerCase(Locale.ROOT), f.get(2).toUpperCase(Locale.ROOT));
    }
    assertThat(out).containsEntry("qwen", "CN").containsEntry("meta-llama", "US");
    return out;
  }

  static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    fields.add(cur.toString());
    return fields;
  }

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> readLines(String resource, boolean gzip) throws IOException {
    InputStream in = Objects.requireNonNull(SampleSharesTest.class.getResourceAsStream(resource), resource);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in,
        StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (!l.isBlank()) out.add(l);
      }
      return out;
    }
  }
}
