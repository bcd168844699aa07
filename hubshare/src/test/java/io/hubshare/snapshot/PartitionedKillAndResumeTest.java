package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.HubClient;
import io.hubshare.internal.modelscope.StandInModelScope;
import io.hubshare.internal.modelscope.SyntheticHub;
import io.hubshare.internal.transport.NoDelayServerSockets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing for a partitioned crawl: a crawl of the stand-in ModelScope in another JVM, killed with
 * {@code destroyForcibly()} (SIGKILL) while it lists a split part, then resumed here. Every reachable model must
 * come out exactly once, with the same coverage as an uninterrupted crawl.
 */
class PartitionedKillAndResumeTest {
  @TempDir(factory = MemoryTempDir.class) Path dir;
  private final MockWebServer server = NoDelayServerSockets.server();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPartitionedCrawlKilledMidFlightResumesWithEveryModelExactlyOnce() throws Exception {
    StandInModelScope hub = new StandInModelScope(SyntheticHub.items(), 2);
    server.setDispatcher(hub);
    server.start();
    String endpoint = server.url("/").toString();
    Path out = dir.resolve("ms.jsonl.gz");
    Process child = ChildJvm.start(PartitionedCrawlProcessMain.class, endpoint, out.toString());
    List<String> childOutput = new ArrayList<>();
    try {
      // Page 300 lies in a task part: the whole listing was listed in its four orders (240 pages) and split.
      boolean reached = CompletableFuture.supplyAsync(() -> ChildJvm.readUntil(child, "page 300 ", childOutput))
          .get(60, TimeUnit.SECONDS);
      assertThat(reached).as("the child crawled 300 pages: %s", childOutput).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(childOutput).noneMatch(l -> l.startsWith("done"));
    assertThat(out).doesNotExist();
    assertThat(Files.readAllLines(dir.resolve("ms.jsonl.gz.parts"))).as("the journal planned the task parts")
        .anyMatch(l -> l.contains("\"by\":\"pipelineTag\""));
    PartitionCheckpoint atKill = PartitionCheckpoint.read(dir.resolve("ms.jsonl.gz.checkpoint"));
    assertThat(atKill.pages()).isBetween(300L, 1000L);
    int requestsBeforeResume = hub.requests.size();

    CrawlResult r;
    try (HubClient ms = PartitionedCrawlTest.client(endpoint)) {
      r = ms.snapshots().crawlPartitioned(PartitionedCrawlTest.ALL, out, CrawlOptions.builder().resume(true).build());
    }
    assertThat(r.resumed()).isTrue();
    assertThat(PartitionedCrawlTest.ids(out)).isEqualTo(PartitionedCrawlTest.reachable());
    assertThat(SnapshotCrawlTest.rawLines(out)).hasSize(8600);
    assertThat(r.coverage().summary()).isEqualTo("8,600 of 9,040 listed models (95.1 %) in 11 parts; "
        + "1 part still capped; 1 split with a gap");
    // The resumed run fetched only what the killed one had not checkpointed (at most the page in flight again).
    assertThat(requestsBeforeResume + (r.pages() - atKill.pages())).isBetween((long) hub.requests.size() - 1,
        (long) hub.requests.size());
    assertThat(hub.refused).isEmpty();
  }
}
