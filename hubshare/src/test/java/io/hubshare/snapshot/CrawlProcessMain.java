package io.hubshare.snapshot;

import io.hubshare.HubClient;
import io.hubshare.hub.ModelQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A crawl in a JVM of its own, for {@link KillAndResumeTest} to kill: {@code CrawlProcessMain ENDPOINT OUT} crawls
 * {@link #QUERY} from {@code ENDPOINT} into {@code OUT} (resuming if a state is there) and prints
 * {@code page N models M} after each page is on disk.
 */
public final class CrawlProcessMain {
  /** The listing crawled, by the child and by the resuming test alike. */
  static final ModelQuery QUERY = ModelQuery.builder().pageSize(10).expand("author", "createdAt", "downloads",
      "downloadsAllTime", "tags").build();

  private CrawlProcessMain() {}

  /** A client of {@code endpoint} that retries at once: the faults are injected, the waits would only slow tests. */
  static HubClient client(String endpoint) {
    return HubClient.builder().endpoint(endpoint).anonymous().environment(Map.of()).systemProperties(Map.of())
        .maxRetries(3).backoff(Duration.ofMillis(1), Duration.ofMillis(5)).cacheListPages(false).build();
  }

  public static void main(String[] args) {
    try (HubClient hub = client(args[0])) {
      Snapshots snapshots = hub.snapshots();
      CrawlResult r = snapshots.crawl(QUERY, Path.of(args[1]), CrawlOptions.builder().resume(true).listener(p -> {
        System.out.println("page " + p.pages() + " models " + p.models());
        System.out.flush();
      }).build());
      System.out.println("done " + r.models());
    }
  }
}
