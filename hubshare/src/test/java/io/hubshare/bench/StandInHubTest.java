package io.hubshare.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.HubClient;
import io.hubshare.hub.ModelQuery;
import io.hubshare.snapshot.CrawlResult;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in hub itself, over real models: the 35 Qwen models of the August 2026 sample (the list pages in
 * {@code client/list}, see the NOTICE there) and the whole sample ({@code fixtures/hf/hub-sample-2026-08}).
 */
class StandInHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("^<(http://127\\.0\\.0\\.1:\\d+/api/models\\?[^>]*)>; rel=\"next\"$");

  @TempDir Path dir;
  // No silent retry: a fault must reach the test as it reaches a client.
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private StandInHub hub;

  @AfterEach
  void stop() throws IOException {
    if (hub != null) hub.close();
  }

  /** The Qwen list pages as one JSON Lines file, each model object verbatim. */
  private Path qwenLines() throws IOException {
    Path file = dir.resolve("qwen.jsonl");
    try (Writer w = Files.newBufferedWriter(file)) {
      for (int page = 1; page <= 3; page++) {
        try (InputStream in = getClass().getResourceAsStream("/client/list/qwen-page-" + page + ".json")) {
          for (JsonNode m : JSON.readTree(in)) w.write(m.toString() + "\n");
        }
      }
    }
    return file;
  }

  private StandInHub start(StandInConfig config) throws IOException {
    hub = StandInHub.start(config);
    return hub;
  }

  /** A response read whole. */
  private record Reply(int statusCode, okhttp3.Headers headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private Reply get(String url) throws IOException {
    try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
      return new Reply(r.code(), r.headers(), r.body().string());
    }
  }

  @Test
  void pagesLinkToTheNextWithEveryParameterAndEndWithoutLink() throws Exception {
    start(StandInConfig.defaults().withData(qwenLines()));
    String url = hub.url() + "/api/models?limit=10&sort=downloads&expand=downloads&expand=likes";
    List<JsonNode> seen = new ArrayList<>();
    List<String> links = new ArrayList<>();
    while (url != null) {
      Reply r = get(url);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
      JSON.readTree(r.body()).forEach(seen::add);
      String link = r.header("Link");
      if (link == null) {
        url = null;
      } else {
        Matcher m = NEXT.matcher(link);
        assertThat(m.matches()).as(link).isTrue();
        url = m.group(1);
        links.add(url);
      }
    }
    assertThat(seen).hasSize(35);
    assertThat(links).hasSize(3).allSatisfy(l -> assertThat(l)
        .startsWith(hub.url() + "/api/models?limit=10&sort=downloads&expand=downloads&expand=likes&cursor="));
    assertThat(seen.stream().map(m -> m.get("id").asText()).distinct()).hasSize(35);
    assertThat(seen).isSortedAccordingTo(Comparator.comparingLong((JsonNode m) -> m.get("downloads").asLong())
        .reversed());
    // expand: only _id, id and the fields named.
    assertThat(seen.get(0).fieldNames()).toIterable().containsExactly("_id", "id", "likes", "downloads");
    assertThat(seen.get(0).get("_id").asText()).matches("[0-9a-f]{24}");
    assertThat(hub.counters().listRequests.get()).isEqualTo(4);
    assertThat(hub.counters().modelsServed.get()).isEqualTo(35);
  }

  @Test
  void cursorsRoundTripAndBelongToTheirOrder() throws Exception {
    start(StandInConfig.defaults().withData(qwenLines()));
    Ordering.Point byDownloads = new Ordering.Point("downloads", 2494835.0, "6a0e000000000000000000ff");
    assertThat(Cursors.decode(Cursors.encode(byDownloads), "downloads")).isEqualTo(byDownloads);
    Ordering.Point byId = new Ordering.Point(null, null, "6a0e000000000000000000ff");
    assertThat(Cursors.decode(Cursors.encode(byId), null)).isEqualTo(byId);
    assertThat(new String(java.util.Base64.getUrlDecoder().decode(Cursors.encode(byId)), StandardCharsets.UTF_8))
        .isEqualTo("{\"_id\":{\"$lt\":\"6a0e000000000000000000ff\"}}");
    assertThatThrownBy(() -> Cursors.decode(Cursors.encode(byDownloads), "likes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid cursor");

    // The cursor of page 1 gives page 2 whichever URL carries it; another order's cursor is refused.
    Reply first = get(hub.url() + "/api/models?limit=5&sort=likes");
    String cursor = first.header("Link").replaceAll(".*cursor=([^>]*)>.*", "$1");
    JsonNode second = JSON.readTree(get(hub.url() + "/api/models?sort=likes&limit=5&cursor=" + cursor).body());
    JsonNode firstTen = JSON.readTree(get(hub.url() + "/api/models?limit=10&sort=likes").body());
    for (int i = 0; i < 5; i++) assertThat(second.get(i).get("id")).isEqualTo(firstTen.get(5 + i).get("id"));
    Reply wrong = get(hub.url() + "/api/models?limit=5&sort=downloads&cursor=" + cursor);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).isEqualTo("{\"error\":\"Invalid cursor\"}");
    assertThat(get(hub.url() + "/api/models?cursor=bm90LWpzb24").statusCode()).isEqualTo(400);
  }

  @Test
  void overQuotaAnswers429WithRetryAfterAndTheRateLimitHeaders() throws Exception {
    start(StandInConfig.defaults().withData(qwenLines()).withQuota(3, 60));
    List<String> remaining = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Reply r = get(hub.url() + "/api/models?limit=2");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.header("RateLimit-Policy")).isEqualTo("\"fixed window\";\"api\";q=3;w=60");
      remaining.add(r.header("RateLimit").replaceAll(";t=\\d+", ""));
    }
    assertThat(remaining).containsExactly("\"api\";r=2", "\"api\";r=1", "\"api\";r=0");
    Reply refused = get(hub.url() + "/api/models/Qwen/Qwen3.5-9B");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.header("RateLimit")).matches("\"api\";r=0;t=(59|60)");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(59L, 61L);
    assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("rate limit");
    // The stand-in's own routes cost no quota.
    assertThat(get(hub.url() + "/_stand-in/stats").body()).contains("\"tooMany\":1", "\"requests\":4");
    hub.reset();
    assertThat(get(hub.url() + "/api/models?limit=2").statusCode()).isEqualTo(200);
  }

  @Test
  void infoFindsIdsIgnoringCaseAndAnswersRepoNotFound() throws Exception {
    start(StandInConfig.defaults().withData(qwenLines()));
    Reply info = get(hub.url() + "/api/models/qwen/QWEN3.5-9B");
    assertThat(info.statusCode()).isEqualTo(200);
    JsonNode m = JSON.readTree(info.body());
    assertThat(m.get("id").asText()).isEqualTo("Qwen/Qwen3.5-9B");
    assertThat(m.has("cardData")).isTrue(); // the info call sends every field
    Reply missing = get(hub.url() + "/api/models/nobody/nothing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.header("X-Error-Code")).isEqualTo("RepoNotFound");
    Reply refused = get(hub.url() + "/api/models?expand=usedStorage");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).startsWith("{\"error\":\"\\\"expand\\\" must be one of [");
    assertThat(JSON.readTree(get(hub.url() + "/api/models?author=qwen&search=qwen3-CODER").body()))
        .extracting(n -> n.get("id").asText()).containsExactlyInAnyOrder("Qwen/Qwen3-Coder-30B-A3B-Instruct",
            "Qwen/Qwen3-Coder-Next");
  }

  @Test
  void faultsHitEveryNthListRequestInTurn() throws Exception {
    start(StandInConfig.defaults().withData(qwenLines()).withFaults(2, List.of(Faults.Fault.UNAVAILABLE,
        Faults.Fault.RESET, Faults.Fault.TRUNCATE)));
    String url = hub.url() + "/api/models?limit=5";
    assertThat(get(url).statusCode()).isEqualTo(200);
    assertThat(get(url).statusCode()).isEqualTo(503);
    assertThat(get(url).statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> get(url)).isInstanceOf(IOException.class);
    assertThat(get(url).statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> get(url)).isInstanceOf(IOException.class); // the body stops halfway
    assertThat(get(hub.url() + "/_stand-in/stats").body())
        .contains("\"faults\":{\"503\":1,\"reset\":1,\"truncate\":1}", "\"listRequests\":6");
  }

  @Test
  void aHubClientCrawlThroughFaultsWritesEveryModelOnce() throws Exception {
    start(StandInConfig.defaults().withData(qwenLines()).withLimits(10, 10)
        .withFaults(2, List.of(Faults.Fault.UNAVAILABLE, Faults.Fault.RESET, Faults.Fault.TRUNCATE)));
    CrawlResult r;
    try (HubClient client = HubClient.builder().endpoint(hub.url()).anonymous().environment(Map.of())
        .maxRetries(3).backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build()) {
      r = client.snapshots().crawl(ModelQuery.builder().pageSize(10).expand("author", "downloads").build(),
          dir.resolve("qwen.jsonl.gz"));
    }
    assertThat(r.models()).isEqualTo(35);
    assertThat(r.pages()).isEqualTo(4);
    assertThat(idsIn(r.file())).hasSize(35).isEqualTo(idsServed());
    // 4 pages, each after the first met a fault on its first request (every second list request) and a retry.
    assertThat(hub.counters().listRequests.get()).isEqualTo(7);
    assertThat(get(hub.url() + "/_stand-in/stats").body())
        .contains("\"faults\":{\"503\":1,\"reset\":1,\"truncate\":1}");
  }

  @Test
  void aHubClientCrawlOfTheWholeSampleWritesEveryModelOnce() throws Exception {
    Path sample = dir.resolve("sample.jsonl.gz");
    try (InputStream in = getClass().getResourceAsStream("/fixtures/hf/hub-sample-2026-08/models.jsonl.gz")) {
      Files.copy(in, sample);
    }
    start(StandInConfig.defaults().withData(sample));
    assertThat(hub.listing().size()).isEqualTo(15_153);
    assertThat(hub.listing().dropped()).isEqualTo(3); // three renamed repositories listed under two casings
    CrawlResult r;
    try (HubClient client = HubClient.builder().endpoint(hub.url()).anonymous().environment(Map.of()).build()) {
      r = client.snapshots().crawl(ModelQuery.builder().pageSize(1000).build(), dir.resolve("all.jsonl.gz"));
    }
    assertThat(r.models()).isEqualTo(15_153);
    assertThat(r.duplicates()).isZero();
    assertThat(idsIn(r.file())).isEqualTo(idsServed());
    assertThat(hub.counters().listRequests.get()).isEqualTo(16);
    assertThat(hub.counters().tooMany.get()).isZero();
  }

  private Set<String> idsServed() {
    Set<String> ids = new HashSet<>();
    for (int e = 0; e < hub.listing().size(); e++) ids.add(hub.listing().id(e));
    return ids;
  }

  private static Set<String> idsIn(Path snapshot) throws IOException {
    Set<String> ids = new HashSet<>();
    try (Snapshot s = Snapshots.open(snapshot)) {
      s.stream().forEach(m -> assertThat(ids.add(m.id())).as("once: " + m.id()).isTrue());
    }
    return ids;
  }
}
