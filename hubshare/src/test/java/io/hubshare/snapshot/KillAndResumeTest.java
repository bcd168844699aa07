package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.HubClient;
import io.hubshare.snapshot.HubListingDispatcher.Fault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: a crawl over HTTP in another JVM, through the Hub's {@code Link} pagination with injected 503s,
 * a reset connection and a truncated body, killed with {@code destroyForcibly()} (SIGKILL: no shutdown hook runs)
 * mid-crawl, then resumed here. Every model must come out exactly once, in the listing's order.
 */
class KillAndResumeTest {
  @TempDir Path dir;
  final List<String> lines = SampleModels.lines();
  final MockWebServer server = new MockWebServer();
  HubListingDispatcher listing;

  @BeforeEach
  void start() throws IOException {
    // 240 real models in 24 pages of 10, each answered after 60 ms, so the crawl is mid-flight when killed.
    listing = new HubListingDispatcher(lines, 60)
        .fault(2, Fault.UNAVAILABLE)
        .fault(5, Fault.RESET)
        .fault(14, Fault.TRUNCATED_BODY)
        .fault(18, Fault.UNAVAILABLE);
    server.setDispatcher(listing);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCrawlKilledMidFlightResumesWithEveryModelExactlyOnce() throws Exception {
    Path out = dir.resolve("hub.jsonl.gz");
    String endpoint = server.url("/").toString();
    Process child = ChildJvm.start(CrawlProcessMain.class, endpoint, out.toString());
    List<String> childOutput = new ArrayList<>();
    try {
      boolean reachedPage8 = CompletableFuture.supplyAsync(() -> ChildJvm.readUntil(child, "page 8 ", childOutput))
          .get(15, TimeUnit.SECONDS);
      assertThat(reachedPage8).as("the child crawled 8 pages: %s", childOutput).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(childOutput).noneMatch(l -> l.startsWith("done"));
    assertThat(out).doesNotExist();

    Checkpoint atKill = Checkpoint.read(dir.resolve("hub.jsonl.gz.checkpoint"));
    assertThat(atKill.count()).isBetween(80L, 230L).isEqualTo(atKill.pages() * 10);
    int requestsBeforeResume = listing.requests.size();

    CrawlResult r;
    try (HubClient hub = CrawlProcessMain.client(endpoint)) {
      r = hub.snapshots().crawl(CrawlProcessMain.QUERY, out, CrawlOptions.builder().resume(true).build());
    }

    assertThat(r.resumed()).isTrue();
    assertThat(r.models()).isEqualTo(240);
    assertThat(r.pages()).isEqualTo(24);
    assertThat(r.duplicates()).isZero();
    assertThat(r.header().endpoint()).isEqualTo(endpoint.substring(0, endpoint.length() - 1));
    assertThat(r.header().query())
        .isEqualTo("limit=10&expand=author&expand=createdAt&expand=downloads&expand=downloadsAllTime&expand=tags");
    assertThat(SnapshotCrawlTest.rawLines(out)).isEqualTo(lines);
    assertThat(dir.resolve("hub.jsonl.gz.partial")).doesNotExist();
    assertThat(dir.resolve("hub.jsonl.gz.checkpoint")).doesNotExist();

    // What was sent: the listing's own parameters on every request, and the resumed run started at the cursor
    // the killed one had checkpointed, not at the first page.
    for (HttpUrl u : listing.requests) {
      assertThat(u.encodedPath()).isEqualTo("/api/models");
      assertThat(u.queryParameter("limit")).isEqualTo("10");
      assertThat(u.queryParameterValues("expand"))
          .containsExactly("author", "createdAt", "downloads", "downloadsAllTime", "tags");
    }
    assertThat(listing.requests.get(0).queryParameter("cursor")).isNull();
    assertThat(listing.requests.get(requestsBeforeResume).queryParameter("cursor")).isEqualTo(atKill.cursor());
    assertThat(listing.fired).hasSize(4); // every fault was met, by the child or by the resumed run, and retried
  }
}
