package io.hubshare.hostile;

import static io.hubshare.hostile.HostileServer.json;
import static io.hubshare.hostile.HostileServer.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.HubClient;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.snapshot.CrawlOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases 4 and 6: a listing that cycles, or whose next link is not a URL, fails rather than loops or ends. */
class HostilePagingTest extends HostileServerTest {
  @TempDir Path dir;




  private String next(String cursor) {
    return "<" + server.endpoint() + "/api/models?limit=2&cursor=" + cursor + ">; rel=\"next\"";
  }

  @Test
  void aCursorThatCyclesAToBToAIsAMalformedResponseAfterAtMostThreePages() {
    server.on("/api/models?limit=2", json(page("a/one", "a/two")).addHeader("Link", next("B")).build());
    server.on("/api/models?limit=2&cursor=B", json(page("a/three", "a/four")).addHeader("Link", next("A")).build());
    server.on("/api/models?limit=2&cursor=A", json(page("a/one", "a/two")).addHeader("Link", next("B")).build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      // At most 1,000 items: a client without cycle detection would page forever.
      Throwable t = catchThrowable(() -> hub.models().list(listing(2)).stream().limit(1_000).count());

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("cycle");
      assertThat(server.requestCount()).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void freshCursorsOverPagesThatBringNoNewIdsAreACycleToo() {
    AtomicInteger n = new AtomicInteger();
    server.on("/api/models", r -> json(page("a/one", "A/ONE")).addHeader("Link", next("c" + n.incrementAndGet()))
        .build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> {
        int pages = 0;
        for (var it = hub.models().list(listing(2)).pages().iterator(); it.hasNext() && pages < 500; pages++) it.next();
      });

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("no new");
      assertThat(server.requestCount()).isLessThanOrEqualTo(20);
    }
  }

  @Test
  void endlessEmptyPagesWithFreshCursorsEndToo() {
    AtomicInteger n = new AtomicInteger();
    server.on("/api/models", r -> json("[]").addHeader("Link", next("e" + n.incrementAndGet())).build());
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable t = catchThrowable(() -> {
        int pages = 0;
        for (var it = hub.models().list(listing(2)).pages().iterator(); it.hasNext() && pages < 500; pages++) it.next();
      });

      assertThat(t).isInstanceOf(MalformedResponseException.class);
      assertThat(server.requestCount()).isLessThanOrEqualTo(20);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"<file:///etc/passwd>; rel=\"next\"", "<javascript:alert(1)>; rel=\"next\"",
      "<http://[::1>; rel=\"next\"", "<ftp://example.com/api/models?cursor=x>; rel=\"next\"", "<>; rel=\"next\"",
      "garbage; rel=\"next\""})
  void aNextLinkThatIsNoHttpUrlIsAMalformedResponseAndTheCrawlIsNotMarkedComplete(String link) throws Exception {
    server.on("/api/models", json(page("a/one", "a/two")).addHeader("Link", link).build());
    Path out = dir.resolve("hub.jsonl.gz");
    try (HubClient hub = Hostile.client(server, time).build()) {
      Throwable listed = catchThrowable(() -> hub.models().list(listing(2)).stream().count());
      Throwable crawled = catchThrowable(() -> hub.snapshots().crawl(listing(2), out, CrawlOptions.defaults()));

      assertThat(listed).isInstanceOf(MalformedResponseException.class).hasMessageContaining("Link");
      assertThat(crawled).isInstanceOf(MalformedResponseException.class);
      assertThat(out).doesNotExist();
      // Its first page failed: nothing is kept, so nothing can pass for a complete crawl, and a new run starts afresh.
      assertThat(dir.resolve("hub.jsonl.gz.checkpoint")).doesNotExist();
      assertThat(dir.resolve("hub.jsonl.gz.partial")).doesNotExist();
    }
  }
}
