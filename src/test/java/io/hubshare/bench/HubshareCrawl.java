package io.hubshare.bench;

import io.hubshare.HubClient;
import io.hubshare.ModelQuery;
import io.hubshare.snapshot.CrawlOptions;
import io.hubshare.snapshot.CrawlResult;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The hubshare side of the crawl benchmark, until the command line has a {@code crawl} command: crawls the whole
 * listing of a hub into a snapshot file with the library's defaults (retries, backoff, rate-limit pacing), as a user
 * of {@code hub.snapshots().crawl(...)} would.
 *
 * <pre>
 * java -cp target/test-classes:target/hubshare-cli.jar io.hubshare.bench.HubshareCrawl \
 *     http://127.0.0.1:PORT out.jsonl.gz 1000 author,downloads,tags
 * </pre>
 *
 * <p>Prints one JSON line: models written, pages fetched, duplicates skipped.
 */
public final class HubshareCrawl {
  private HubshareCrawl() {}

  /** {@code ENDPOINT OUT PAGE_SIZE [EXPAND,...]}. */
  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: HubshareCrawl ENDPOINT OUT PAGE_SIZE [EXPAND,...]");
      System.exit(2);
    }
    ModelQuery.Builder q = ModelQuery.builder().pageSize(Integer.parseInt(args[2]));
    if (args.length > 3 && !args[3].isBlank()) q.expand(Arrays.stream(args[3].split(",")).toArray(String[]::new));
    try (HubClient hub = HubClient.builder().endpoint(args[0]).anonymous().build()) {
      CrawlResult r = hub.snapshots().crawl(q.build(), Path.of(args[1]), CrawlOptions.builder().overwrite(true).build());
      System.out.println("{\"models\":" + r.models() + ",\"pages\":" + r.pages() + ",\"duplicates\":"
          + r.duplicates() + "}");
    }
  }
}
