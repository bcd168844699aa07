/**
 * hubshare: a typed, caching client of model-hub APIs, with origins, lineage, snapshots and download shares.
 *
 * <p>Exported packages are the public API. Everything under {@code io.hubshare.internal} is not: the hub seam and
 * each hub's wire format ({@code internal.protocol}, {@code internal.hf}, {@code internal.modelscope}) and HTTP
 * ({@code internal.transport}: retries, rate limits, caching). See {@code docs/architecture.md}.
 */
// "module": the qualified export below names io.hubshare.sql, which is built after this module, so javac cannot
// find it here and would warn; the export is meant for that module alone.
@SuppressWarnings("module")
module io.hubshare {
  requires transitive okhttp3;
  requires com.fasterxml.jackson.databind;
  requires com.github.benmanes.caffeine;
  requires static transitive org.jspecify;

  exports io.hubshare;
  exports io.hubshare.hub;
  exports io.hubshare.domain;
  exports io.hubshare.error;
  exports io.hubshare.origin;
  exports io.hubshare.lineage;
  exports io.hubshare.snapshot;
  exports io.hubshare.analytics;

  // Parquet is read by the optional io.hubshare:hubshare-sql, found as a service; the core never needs it.
  exports io.hubshare.internal.columnar to io.hubshare.sql;
  uses io.hubshare.internal.columnar.ColumnarReader;

  // Each hub is a service: a third one is a package and a line here.
  uses io.hubshare.internal.protocol.HubProtocol;
  provides io.hubshare.internal.protocol.HubProtocol with io.hubshare.internal.hf.HfProtocol,
      io.hubshare.internal.modelscope.ModelScopeProtocol;
}
