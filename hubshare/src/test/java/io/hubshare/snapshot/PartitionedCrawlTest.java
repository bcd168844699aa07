package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.HubClient;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.error.ServerErrorException;
import io.hubshare.hub.ModelQuery;
import io.hubshare.internal.modelscope.StandInModelScope;
import io.hubshare.internal.modelscope.SyntheticHub;
import io.hubshare.internal.transport.NoDelayServerSockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partitioned crawl of a stand-in ModelScope that enforces the 3,000-result cap and pages of at most 50: every
 * model reachable is written once, what is not is reported, and a crawl stopped anywhere resumes to the same file.
 */
class PartitionedCrawlTest {
  static final ModelQuery ALL = ModelQuery.builder().pageSize(50).build();
  @TempDir(factory = MemoryTempDir.class) Path dir;
  private final MockWebServer server = NoDelayServerSockets.server();
  private StandInModelScope hub;

  @AfterEach
  void stop() {
    server.close();
  }

  private HubClient start(List<StandInModelScope.Item> items) throws IOException {
    hub = new StandInModelScope(items, 0);
    server.setDispatcher(hub);
    server.start();
    return client(server.url("/").toString());
  }

  static HubClient client(String endpoint) {
    return HubClient.builder().hub(Hub.MODELSCOPE).endpoint(endpoint).anonymous().environment(Map.of())
        .systemProperties(Map.of()).maxRetries(0).cacheListPages(false).build();
  }

  static CrawlOptions.Builder options() {
    return CrawlOptions.builder().clock(java.time.Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
  }

  static Set<String> ids(Path snapshot) throws IOException {
    try (Snapshot s = Snapshots.open(snapshot)) {
      return s.stream().map(Model::id).collect(Collectors.toSet());
    }
  }

  /** Every model of the synthetic hub that some query can reach. */
  static Set<String> reachable() {
    Set<String> ids = new HashSet<>();
    for (StandInModelScope.Item i : SyntheticHub.items()) {
      boolean noTask = i.task() == null;
      boolean pastTheCap = i.id().startsWith("mirror-co/") && Integer.parseInt(i.id().substring(15)) >= 3000;
      if (!noTask && !pastTheCap) ids.add(i.id());
    }
    return ids;
  }

  @Test
  void aCappedHubIsCrawledWholeExceptWhatNoPartReachesAndTheCoverageSaysSo() throws Exception {
    Path out = dir.resolve("ms.jsonl.gz");
    CrawlResult r;
    try (HubClient ms = start(SyntheticHub.items())) {
      r = ms.snapshots().crawlPartitioned(ALL, out, options().build());
    }

    // What was sent: never past the cap, never more than 50 a page; the hub refused nothing.
    assertThat(hub.refused).isEmpty();
    for (HttpUrl u : hub.requests) {
      assertThat(u.encodedPath()).isEqualTo("/openapi/v1/models");
      int size = Integer.parseInt(u.queryParameter("page_size"));
      assertThat(size).isEqualTo(50);
      assertThat(Integer.parseInt(u.queryParameter("page_number")) * size).isLessThanOrEqualTo(3000);
    }
    assertThat(hub.requests).anyMatch(u -> "text-generation".equals(u.queryParameter("filter.task"))
        && "MIT".equals(u.queryParameter("filter.license")));

    // What was written: each reachable model once, nothing else.
    Set<String> written = ids(out);
    assertThat(written).hasSize(8600).isEqualTo(reachable());
    assertThat(SnapshotCrawlTest.rawLines(out)).hasSize(8600);
    assertThat(r.models()).isEqualTo(8600);
    assertThat(r.duplicates()).as("parts and sort orders overlap").isPositive();

    // What was reported: the part still capped, and the models that no task part holds.
    CrawlCoverage c = r.coverage();
    assertThat(c).isNotNull();
    assertThat(c.listed()).isEqualTo(9040L);
    assertThat(c.collected()).isEqualTo(8600);
    assertThat(c.complete()).isFalse();
    assertThat(c.capped()).singleElement().satisfies(p -> {
      assertThat(p.query()).isEqualTo("pipelineTag=feature-extraction&license=other");
      assertThat(p.total()).isEqualTo(3400L);
      assertThat(p.reached()).isEqualTo(3000);
    });
    assertThat(c.gaps()).singleElement().satisfies(p -> {
      assertThat(p.query()).isEmpty();
      assertThat(p.splitBy()).isEqualTo("pipelineTag");
      assertThat(p.children()).isEqualTo(6);
      assertThat(p.unsplit()).isEqualTo(SyntheticHub.WITHOUT_TASK);
    });
    assertThat(c.parts()).extracting(CrawlCoverage.Part::query).contains("pipelineTag=text-generation",
        "pipelineTag=text-generation&license=MIT", "pipelineTag=text-generation&license=Apache License 2.0");
    assertThat(c.parts()).filteredOn(p -> p.query().equals("pipelineTag=text-generation&license=MIT"))
        .singleElement().satisfies(p -> {
          assertThat(p.status()).isEqualTo(CrawlCoverage.Status.COMPLETE);
          assertThat(p.reached()).isEqualTo(1200);
        });
    assertThat(c.summary()).isEqualTo("8,600 of 9,040 listed models (95.1 %) in 11 parts; 1 part still capped; "
        + "1 split with a gap");

    // The same in the files: the header's note and the coverage report beside the snapshot.
    assertThat(r.header().hub()).isEqualTo("modelscope");
    assertThat(r.header().query()).isEqualTo("page_size=50");
    assertThat(r.header().note()).contains(c.summary()).contains("ms.jsonl.gz.coverage.json");
    JsonNode report = new ObjectMapper().readTree(Files.readString(dir.resolve("ms.jsonl.gz.coverage.json")));
    assertThat(report.path("listed").asLong()).isEqualTo(9040);
    assertThat(report.path("collected").asLong()).isEqualTo(8600);
    assertThat(report.path("complete").asBoolean()).isFalse();
    assertThat(report.path("parts")).hasSize(11);
    assertThat(report.path("parts").get(0).path("unsplit").asLong()).isEqualTo(40);
    assertThat(dir.resolve("ms.jsonl.gz.partial")).doesNotExist();
    assertThat(dir.resolve("ms.jsonl.gz.parts")).doesNotExist();
    assertThat(dir.resolve("ms.jsonl.gz.checkpoint")).doesNotExist();
  }

  @Test
  void aCrawlStoppedAfterAnyPageResumesToTheSameModelsAndCoverage() throws Exception {
    Path whole = dir.resolve("whole.jsonl.gz");
    Path resumed = dir.resolve("resumed.jsonl.gz");
    try (HubClient ms = start(SyntheticHub.items())) {
      CrawlResult once = ms.snapshots().crawlPartitioned(ALL, whole, options().build());
      int requestsForOne = hub.requests.size();
      // Stop after page 1, in the middle of the capped root's second sort order, inside a split part, and right
      // after the last page of a part (before its outcome is journalled).
      long[] stops = {1, 75, 420, 481};
      for (long stop : stops) {
        assertThatThrownBy(() -> ms.snapshots().crawlPartitioned(ALL, resumed, options().resume(true)
            .listener(p -> {
              if (p.pages() == stop) throw new IllegalStateException("stopped at page " + stop);
            }).build())).hasMessage("stopped at page " + stop);
        assertThat(resumed).doesNotExist();
        assertThat(dir.resolve("resumed.jsonl.gz.checkpoint")).exists();
      }
      CrawlResult r = ms.snapshots().crawlPartitioned(ALL, resumed, options().resume(true).build());
      assertThat(r.resumed()).isTrue();
      assertThat(ids(resumed)).isEqualTo(ids(whole));
      assertThat(r.models()).isEqualTo(once.models());
      assertThat(r.pages()).isEqualTo(once.pages());
      assertThat(r.coverage()).isEqualTo(once.coverage());
      assertThat(hub.requests.size() - requestsForOne).as("no page fetched twice").isEqualTo((int) once.pages());
    }
  }

  @Test
  void aFailureMidCrawlKeepsTheStateAndAResumeFinishesIt() throws Exception {
    Path out = dir.resolve("ms.jsonl.gz");
    try (HubClient ms = start(SyntheticHub.items())) {
      hub.failOnce(130, 503);
      assertThatThrownBy(() -> ms.snapshots().crawlPartitioned(ALL, out, options().build()))
          .isInstanceOf(ServerErrorException.class);
      assertThatThrownBy(() -> ms.snapshots().crawlPartitioned(ALL, out, options().build()))
          .isInstanceOfSatisfying(CrawlStateException.class, e -> {
            assertThat(e.reason()).isEqualTo(CrawlStateException.Reason.INTERRUPTED);
            assertThat(e.stateFiles()).containsExactly(dir.resolve("ms.jsonl.gz.partial"),
                dir.resolve("ms.jsonl.gz.checkpoint"), dir.resolve("ms.jsonl.gz.parts"));
          })
          .hasMessageContaining("resume(true)");
      CrawlResult r = ms.snapshots().crawlPartitioned(ALL, out, options().resume(true).build());
      assertThat(r.models()).isEqualTo(8600);
      assertThat(ids(out)).isEqualTo(reachable());
    }
  }

  @Test
  void aFirstPageThatFailedLeavesNothingAndTheCrawlSimplyRunsAgain() throws Exception {
    Path out = dir.resolve("ms.jsonl.gz");
    try (HubClient ms = start(SyntheticHub.items())) {
      hub.failOnce(1, 503);
      assertThatThrownBy(() -> ms.snapshots().crawlPartitioned(ALL, out, options().build()))
          .isInstanceOf(ServerErrorException.class);
      assertThat(Files.list(dir)).as("nothing left to resume").isEmpty();

      CrawlResult r = ms.snapshots().crawlPartitioned(ALL, out, options().build());

      assertThat(r.resumed()).isFalse();
      assertThat(r.models()).isEqualTo(8600);
    }
  }

  @Test
  void aListingTheHubServesWholeIsOneCompletePart() throws Exception {
    List<StandInModelScope.Item> few = SyntheticHub.items().subList(0, 120);
    Path out = dir.resolve("few.jsonl.gz");
    try (HubClient ms = start(few)) {
      CrawlResult r = ms.snapshots().crawlPartitioned(ALL, out, options().build());
      assertThat(r.models()).isEqualTo(120);
      assertThat(r.pages()).isEqualTo(3);
      assertThat(r.coverage().complete()).isTrue();
      assertThat(r.coverage().parts()).singleElement()
          .satisfies(p -> assertThat(p.status()).isEqualTo(CrawlCoverage.Status.COMPLETE));
      assertThat(r.coverage().summary()).isEqualTo("120 of 120 listed models (100.0 %) in 1 part");
    }
    assertThat(hub.requests).extracting(u -> u.queryParameter("page_number")).containsExactly("1", "2", "3");
  }

  @Test
  void aPlainCrawlOfACappedListingSaysInItsHeaderThatTheHubStoppedIt() throws Exception {
    Path out = dir.resolve("plain.jsonl.gz");
    try (HubClient ms = start(SyntheticHub.items())) {
      CrawlResult r = ms.snapshots().crawl(ALL, out, options().build());
      assertThat(r.models()).isEqualTo(3000);
      assertThat(r.header().note()).isEqualTo("the hub served 3000 of the 9040 models it lists for this query, and "
          + "no more: crawl it partitioned (Snapshots.crawlPartitioned) to reach the rest");
    }
    assertThat(hub.refused).isEmpty();
    assertThat(hub.requests).hasSize(60);
  }

  @Test
  void aQueryWithALimitOrACursorIsRefused() throws Exception {
    try (HubClient ms = start(List.of())) {
      assertThatThrownBy(() -> ms.snapshots().crawlPartitioned(ALL.toBuilder().limit(10).build(),
          dir.resolve("a.jsonl.gz"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
      assertThatThrownBy(() -> ms.snapshots().crawlPartitioned(ALL.toBuilder().cursor("page_number=2&page_size=50")
          .build(), dir.resolve("a.jsonl.gz"))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cursor");
    }
    assertThat(hub.requests).isEmpty();
  }
}
