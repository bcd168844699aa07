package io.hubshare.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

/**
 * A local stand-in for the Hugging Face Hub's model API, to crawl without touching the real Hub: the listing
 * ({@code GET /api/models}, paged with the Hub's {@code Link: <…&cursor=…>; rel="next"} and opaque base64 cursors,
 * honouring {@code limit}, {@code sort}, {@code author}, {@code search}, {@code filter}, {@code pipeline_tag},
 * {@code expand}, {@code full}), model info ({@code GET /api/models/{owner}/{name}}), the overviews of the models'
 * owners ({@code GET /api/organizations/{name}/overview}, {@code GET /api/users/{name}/overview}), the
 * {@code RateLimit} and
 * {@code RateLimit-Policy} headers of a fixed-window quota with 429 and {@code Retry-After} beyond it, and injected
 * faults (503, connection reset, truncated body). It listens on 127.0.0.1 only.
 *
 * <p>From the command line (see {@link StandInConfig#USAGE}); it prints {@code listening on http://127.0.0.1:PORT}
 * and serves until killed:
 *
 * <pre>
 * mvn -q package -DskipTests
 * java -cp hubshare/target/test-classes:target/hubshare-cli.jar io.hubshare.bench.StandInHub --repeat 10 --quota 100 --window 6
 * </pre>
 *
 * <p>{@code GET /_stand-in/stats} answers what was served (requests, 429s, faults, models) and
 * {@code POST /_stand-in/reset} zeroes it and starts a fresh quota window; neither counts against the quota.
 */
public final class StandInHub implements AutoCloseable {
  private final Listing listing;
  private final HubApi api;
  private final MiniHttpServer server;

  private StandInHub(Listing listing, HubApi api, MiniHttpServer server) {
    this.listing = listing;
    this.api = api;
    this.server = server;
  }

  /** Loads the listing and starts serving it. */
  static StandInHub start(StandInConfig config) throws IOException {
    Listing listing = Listing.load(config.data(), config.repeat());
    if (config.idsOut() != null) {
      try (Writer w = Files.newBufferedWriter(config.idsOut(), StandardCharsets.UTF_8)) {
        listing.writeIds(w);
      }
    }
    if (!config.prerender().isEmpty()) {
      Fields fields = Fields.of(config.prerender(), false, false, false, true);
      for (int e = 0; e < listing.size(); e++) listing.render(e, fields);
    }
    HubApi api = new HubApi(listing, config);
    return new StandInHub(listing, api, MiniHttpServer.start(config.port(), api));
  }

  /** The base URL to give a client as its endpoint, such as {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  Listing listing() {
    return listing;
  }

  Counters counters() {
    return api.counters();
  }

  void reset() {
    api.reset();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** Runs a stand-in until the process is killed. */
  public static void main(String[] args) throws Exception {
    StandInConfig config;
    try {
      config = StandInConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    StandInHub hub = start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        hub.close();
      } catch (IOException e) {
        // exiting anyway
      }
    }));
    System.out.println("stand-in hub: " + hub.listing.size() + " models (" + hub.listing.dropped()
        + " lines dropped as case variants of an earlier id) from " + config.data() + " x" + config.repeat()
        + "; quota " + config.quota() + " per " + config.windowSeconds() + " s; page " + config.defaultLimit()
        + " by default, " + config.maxLimit() + " at most; "
        + (config.faultEvery() == 0 ? "no faults" : "fault every " + config.faultEvery() + " list requests "
        + config.faults()) + (config.latencyMillis() > 0 ? "; " + config.latencyMillis() + " ms per page" : ""));
    System.out.println("listening on " + hub.url());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
