/**
 * hubshare: a typed, caching client of model-hub APIs, with origins, lineage, snapshots and download shares.
 *
 * <p>Exported packages are the public API. {@code io.hubshare.hf} (the Hub's wire format) and
 * {@code io.hubshare.transport} (HTTP, retries, rate limits, caching) are internal. {@code io.hubshare.cli}
 * is the command line; its libraries are optional dependencies, so the library never pulls them in.
 */
module io.hubshare {
  requires okhttp3;
  requires com.fasterxml.jackson.databind;
  requires com.github.benmanes.caffeine;
  requires static org.jspecify;
  requires static info.picocli;
  requires static me.tongfei.progressbar;
  requires static org.jfree.jfreechart;
  requires static java.desktop;
  requires static java.logging;

  exports io.hubshare;
  exports io.hubshare.domain;
  exports io.hubshare.error;
  exports io.hubshare.origin;
  exports io.hubshare.lineage;
  exports io.hubshare.snapshot;
  exports io.hubshare.analytics;

  opens io.hubshare.cli to info.picocli;
}
