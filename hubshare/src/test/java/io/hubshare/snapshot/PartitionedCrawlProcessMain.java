package io.hubshare.snapshot;

import io.hubshare.HubClient;
import java.nio.file.Path;

/**
 * A partitioned crawl of a stand-in ModelScope in a JVM of its own, for {@link PartitionedKillAndResumeTest} to
 * kill: {@code PartitionedCrawlProcessMain ENDPOINT OUT} crawls {@link PartitionedCrawlTest#ALL} into {@code OUT}
 * (resuming if a state is there) and prints {@code page N models M} after each page is on disk.
 */
public final class PartitionedCrawlProcessMain {
  private PartitionedCrawlProcessMain() {}

  public static void main(String[] args) {
    try (HubClient ms = PartitionedCrawlTest.client(args[0])) {
      CrawlResult r = ms.snapshots().crawlPartitioned(PartitionedCrawlTest.ALL, Path.of(args[1]),
          CrawlOptions.builder().resume(true).listener(p -> {
            System.out.println("page " + p.pages() + " models " + p.models());
            System.out.flush();
          }).build());
      System.out.println("done " + r.models());
    }
  }
}
