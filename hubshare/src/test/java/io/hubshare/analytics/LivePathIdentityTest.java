package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.HubClient;
import io.hubshare.domain.Model;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.Page;
import io.hubshare.lineage.Attribution;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shares over a live listing by the fast path ({@link LivePath}: each page read as a few fields, the next one read
 * ahead, no {@link Model} per item) give the tables the full path gives (the listing iterated, a {@code Model} per
 * item), to the unit, for every dimension, metric, attribution and filter the fast path serves: the bundled sample
 * served by a local server as the Hub pages a listing (pages of 997, a {@code Link} with a cursor to the next).
 */
class LivePathIdentityTest {
  static final int PAGE = 997;
  static List<String> lines;
  static MockWebServer server;
  static final AtomicInteger requests = new AtomicInteger();
  /** Pages (by offset) answered with another body, for the tests of damaged pages. */
  static final Map<Integer, byte[]> replaced = new ConcurrentHashMap<>();
  static HubClient hub;
  /** The listing as iterating it yields it: each repository once, a whole {@code Model} each. */
  static List<Model> listed;

  @BeforeAll
  static void serve() throws IOException {
    lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(FastPathIdentityTest.SAMPLE)), StandardCharsets.UTF_8))) {
      r.readLine(); // the snapshot's header
      for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
    }
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        HttpUrl url = request.getUrl();
        String cursor = url.queryParameter("cursor");
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(lines.size(), from + PAGE);
        byte[] body = replaced.get(from);
        MockResponse.Builder b = new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "application/json; charset=utf-8")
            .body(body != null ? new Buffer().write(body)
                : new Buffer().writeUtf8("[" + String.join(",", lines.subList(from, to)) + "]"));
        if (to < lines.size()) {
          b.addHeader("Link", "<" + url.newBuilder().setQueryParameter("cursor", Integer.toString(to)).build()
              + ">; rel=\"next\"");
        }
        return b.build();
      }
    });
    server.start();
    hub = HubClient.builder().environment(Map.of()).systemProperties(Map.of()).endpoint(server.url("/").toString())
        .maxRetries(0).build();
    listed = hub.models().list(query()).stream().toList();
  }

  @AfterAll
  static void stop() {
    hub.close();
    server.close();
  }

  static ModelQuery query() {
    return ModelQuery.builder().pageSize(PAGE).build();
  }

  @Test
  void theListingIsPagedAndListsRepeatedIdsOnce() {
    assertThat(lines.size()).isGreaterThan(5 * PAGE);
    // The sample lists three repositories twice under two casings; a listing yields each once.
    assertThat(listed).hasSize(lines.size() - 3);
    ShareTable t = LivePath.compute(Shares.by(Dimension.ACCOUNT), hub.models().list(query()), n -> {});
    assertThat(t).isNotNull();
    assertThat(t.counts().seen()).isEqualTo(listed.size());
  }

  @Test
  void everyDimensionAndAttributionServedMatchesTheFullPath() {
    int compared = 0;
    for (Dimension d : FastPathIdentityTest.SERVED) {
      for (Attribution a : Attribution.values()) compared += assertSame(Shares.by(d).attribution(a));
    }
    assertThat(compared).isEqualTo(FastPathIdentityTest.SERVED.length * Attribution.values().length);
  }

  @Test
  void everyMetricServedMatchesTheFullPath() {
    int compared = 0;
    for (Metric m : FastPathIdentityTest.METRICS) {
      for (Dimension d : List.of(Dimension.ACCOUNT, Dimension.COUNTRY, Dimension.PIPELINE_TAG)) {
        for (Attribution a : Attribution.values()) compared += assertSame(Shares.by(d).metric(m).attribution(a));
      }
    }
    assertThat(compared).isEqualTo(FastPathIdentityTest.METRICS.length * 3 * Attribution.values().length);
  }

  @Test
  void filtersServedMatchTheFullPath() {
    List<UnaryOperator<Shares>> filters = List.of(
        s -> s.createdBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01")),
        s -> s.pipelineTag("text-generation"),
        s -> s.library("transformers"),
        s -> s.createdBetween(LocalDate.parse("2024-08-01"), LocalDate.parse("2026-08-01")).library("gguf"));
    int compared = 0;
    for (UnaryOperator<Shares> f : filters) {
      for (Dimension d : List.of(Dimension.COUNTRY, Dimension.LIBRARY)) {
        for (Attribution a : Attribution.values()) compared += assertSame(f.apply(Shares.by(d).attribution(a)));
      }
    }
    assertThat(compared).isEqualTo(24);
    ShareTable t = LivePath.compute(filters.get(0).apply(Shares.by(Dimension.COUNTRY)), hub.models().list(query()),
        n -> {});
    assertThat(t.counts().matched()).isBetween(1L, t.counts().seen() - 1); // the filter matched some, not all
  }

  @Test
  void aListingWithALimitOrFromACursorMatchesTheFullPath() {
    Shares s = Shares.by(Dimension.ACCOUNT).attribution(Attribution.ROOT);
    for (ModelQuery q : List.of(query().toBuilder().limit(2 * PAGE + 5).build(),
        query().toBuilder().limit(3 * PAGE).build(), query().toBuilder().cursor(Integer.toString(2 * PAGE)).build())) {
      ShareTable fast = LivePath.compute(s, hub.models().list(q), n -> {});
      ShareTable full = s.compute(hub.models().list(q).stream().toList());
      assertThat(fast).isNotNull();
      assertThat(fast.counts()).as("%s", q).isEqualTo(full.counts());
      assertThat(fast.toCsv()).as("%s", q).isEqualTo(full.toCsv());
    }
  }

  @Test
  void computeOverTheListingTakesTheFastPathAndReportsProgressPerPage() {
    List<Long> progress = new ArrayList<>();
    ShareTable t = Shares.by(Dimension.COUNTRY).compute(hub.models().list(query()), progress::add);
    assertThat(t.toCsv()).isEqualTo(Shares.by(Dimension.COUNTRY).compute(listed).toCsv());
    int pages = (lines.size() + PAGE - 1) / PAGE;
    // One call after each page, and one at the end.
    assertThat(progress).hasSize(pages + 1).isSorted().endsWith((long) listed.size(), (long) listed.size());
  }

  @Test
  void whatTheFastPathCannotServeGoesTheFullWay() {
    int before = requests.get();
    assertThat(LivePath.compute(Shares.by(Dimension.SIZE), hub.models().list(query()), n -> {})).isNull();
    assertThat(LivePath.compute(Shares.by(Dimension.COUNTRY).where(m -> true), hub.models().list(query()), n -> {}))
        .isNull();
    assertThat(LivePath.compute(Shares.by(Dimension.COUNTRY), listed, n -> {})).isNull();
    assertThat(requests.get()).as("nothing requested by what goes the full way").isEqualTo(before);
    for (Shares s : List.of(Shares.by(Dimension.SIZE), Shares.by(Dimension.COUNTRY).where(m -> m.downloads().likesOr(0) > 0))) {
      assertThat(s.compute(hub.models().list(query())).toCsv()).isEqualTo(s.compute(listed).toCsv());
    }
    try (HubClient caching = HubClient.builder().environment(Map.of()).systemProperties(Map.of())
        .endpoint(server.url("/").toString()).cacheListPages(true).build()) {
      // The client's cache holds models: a listing read through it is read the full way.
      assertThat(LivePath.compute(Shares.by(Dimension.COUNTRY), caching.models().list(query()), n -> {})).isNull();
    }
  }

  @Test
  void aPageTheFieldReaderStopsAtIsReadTheFullWayWithTheSameTotals() throws IOException {
    // An author with a byte that is not UTF-8: the full path decodes it to U+FFFD, the field reader (over the bytes)
    // stops there, and that page is read by the full reader.
    String page = "[" + String.join(",", lines.subList(PAGE, 2 * PAGE)) + "]";
    int at = page.indexOf("\"author\":\"") + "\"author\":\"".length();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(page.substring(0, at).getBytes(StandardCharsets.UTF_8));
    b.write(0xFF);
    b.write(page.substring(at).getBytes(StandardCharsets.UTF_8));
    replaced.put(PAGE, b.toByteArray());
    try {
      List<Model> models = hub.models().list(query()).stream().toList();
      assertThat(models).anyMatch(m -> m.author() != null && m.author().startsWith("\uFFFD"));
      for (Dimension d : List.of(Dimension.ACCOUNT, Dimension.COUNTRY)) {
        ShareTable fast = LivePath.compute(Shares.by(d), hub.models().list(query()), n -> {});
        assertThat(fast).isNotNull();
        assertThat(fast.toCsv()).isEqualTo(Shares.by(d).compute(models).toCsv());
        assertThat(fast.counts()).isEqualTo(Shares.by(d).compute(models).counts());
      }
    } finally {
      replaced.clear();
    }
  }

  @Test
  void aDamagedPageFailsAsTheFullPathFails() {
    String id = "\"id\":\"";
    String page = "[" + String.join(",", lines.subList(2 * PAGE, 3 * PAGE)) + "]";
    // An item without a usable id; an array cut short; a page that is no array.
    List<String> damaged = List.of(page.replaceFirst(id + "[^\"]*\"", id + " \""),
        page.substring(0, page.length() / 2), "{\"error\":\"not a page\"}");
    for (String body : damaged) {
      replaced.put(2 * PAGE, body.getBytes(StandardCharsets.UTF_8));
      try {
        Throwable full = catchThrowable(() -> hub.models().list(query()).stream().count());
        Throwable fast = catchThrowable(() -> LivePath.compute(Shares.by(Dimension.ACCOUNT),
            hub.models().list(query()), n -> {}));
        assertThat(full).isInstanceOf(MalformedResponseException.class);
        assertThat(fast).isInstanceOf(MalformedResponseException.class).hasMessage(full.getMessage());
      } finally {
        replaced.clear();
      }
    }
  }

  @Test
  void theListingsIteratorIsStillLazy() {
    int before = requests.get();
    var pages = hub.models().list(query()).pages().iterator();
    Page<Model> first = pages.next();
    assertThat(first.items()).hasSize(PAGE);
    assertThat(requests.get() - before).as("one page asked for, none ahead").isEqualTo(1);
  }

  /** Checks one computation against the full path; returns 1. */
  private static int assertSame(Shares shares) {
    ShareTable fast;
    try {
      fast = LivePath.compute(shares, hub.models().list(query()), n -> {});
    } catch (MetricUnavailableException unavailable) {
      assertThatThrownBy(() -> shares.compute(listed)).as("%s", shares).isInstanceOf(MetricUnavailableException.class)
          .hasMessage(unavailable.getMessage());
      return 1;
    }
    assertThat(fast).as("fast path served %s", shares).isNotNull();
    ShareTable full = shares.compute(listed);
    assertThat(fast.rows()).as("%s", shares).isEqualTo(full.rows());
    assertThat(fast.unknown()).as("%s", shares).isEqualTo(full.unknown());
    assertThat(fast.counts()).as("%s", shares).isEqualTo(full.counts());
    assertThat(fast.total()).as("%s", shares).isEqualTo(full.total());
    assertThat(fast.toCsv()).as("%s", shares).isEqualTo(full.toCsv());
    return 1;
  }
}
