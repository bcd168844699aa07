package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import io.hubshare.internal.gzip.ParallelGunzip;
import io.hubshare.internal.protocol.HubProtocol;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.internal.protocol.WireFormatException;
import io.hubshare.lineage.Attribution;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Shares over a snapshot file (a hubshare snapshot, or JSON Lines of the list API's objects without a header) without
 * a {@link io.hubshare.domain.Model} per line: the file is inflated ahead of
 * the reader on the other cores ({@link ParallelGunzip}; a file written without compression is read as it is), and
 * the hub's field reader ({@link StoredFields}; for Hugging Face a byte scanner) reads only the fields the
 * computation needs. The totals are those of the full path, by construction (the same values
 * feed the same accumulator) and by test ({@code FastPathIdentityTest}).
 *
 * <p>It serves the intrinsic metrics, the credited dimensions and {@link Dimension#PIPELINE_TAG} and
 * {@link Dimension#LIBRARY}, every attribution, and the created-between, pipeline-tag and library filters; a
 * predicate on models, another dimension, or a hub without a field reader goes the full way. So does a file the
 * field reader stops at (not one object per line, a model it rejects, another count than the header's): the full
 * path then reads it again and reports the exact line.
 */
final class FastPath {
  private FastPath() {}

  /** The request for {@code shares}, or {@code null} when it needs whole models. */
  static StoredFields.@Nullable Request request(Shares shares) {
    Dimension d = shares.dimension();
    Metric metric = shares.metric();
    ModelFilter filter = shares.filter();
    if (!metric.isIntrinsic() || !filter.readsFieldsOnly()) return null;
    if (!d.isCredited() && d != Dimension.PIPELINE_TAG && d != Dimension.LIBRARY) return null;
    boolean bases = d.isCredited() && shares.attribution() != Attribution.UPLOADER;
    return new StoredFields.Request(metric == Metric.DOWNLOADS, metric == Metric.DOWNLOADS_ALL_TIME,
        metric == Metric.LIKES, filter.needsCreatedAt(), bases,
        d == Dimension.PIPELINE_TAG || filter.needsPipelineTag(), d == Dimension.LIBRARY || filter.needsLibrary());
  }

  /**
   * The shares over {@code snapshot} by the fast path, or {@code null} when the computation or the file needs the
   * full path.
   */
  static @Nullable ShareTable compute(Shares shares, Snapshot snapshot) throws IOException {
    List<ShareTable> t = computeAll(List.of(shares), snapshot);
    return t == null ? null : t.get(0);
  }

  /**
   * Several computations in one read of {@code snapshot}, each fed exactly what it would be fed alone (the fields
   * one does not ask for are not looked at), or {@code null} when one of them needs the full path.
   */
  static @Nullable List<ShareTable> computeAll(List<Shares> all, Snapshot snapshot) throws IOException {
    StoredFields.Request request = null;
    for (Shares s : all) {
      StoredFields.Request r = request(s);
      if (r == null) return null;
      request = request == null ? r : request.and(r);
    }
    if (request == null) return null;
    if (snapshot.format() == SnapshotFormat.PARQUET) return null;
    HubProtocol protocol = protocolOf(snapshot.header().hub());
    if (protocol == null) return null;
    Hub hub = protocol.hub();
    ShareAccumulator[] acc = new ShareAccumulator[all.size()];
    ModelFilter[] filters = new ModelFilter[all.size()];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = all.get(i).accumulator();
      filters[i] = all.get(i).filter();
    }
    long count = 0;
    // One inflating thread fewer than the processors: the reader needs one of them.
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    try (InputStream in = ParallelGunzip.openInflatedOrPlain(snapshot.file(), threads);
        StoredFields.Reader reader = protocol.storedFields(in, request, snapshot.format() == SnapshotFormat.HUBSHARE)) {
      if (reader == null) return null;
      StoredFields f = new StoredFields();
      // Each repository is counted once, at its first record, as Snapshot.stream() counts it.
      SeenIds seen = new SeenIds(snapshot.header().count());
      while (reader.next(f)) {
        if (++count > snapshot.header().count()) return null; // more lines than announced: the full path says so
        if (!seen.add(f.idHash)) continue;
        for (int i = 0; i < acc.length; i++) acc[i].add(f, hub, filters[i].test(f));
      }
    } catch (IOException | WireFormatException e) {
      return null;
    }
    if (count != snapshot.header().count()) return null;
    List<ShareTable> out = new ArrayList<>(acc.length);
    for (ShareAccumulator a : acc) out.add(a.result());
    return out;
  }

  private static @Nullable HubProtocol protocolOf(String hub) {
    for (Hub h : HubProtocol.available()) {
      if (h.name().equals(hub)) return HubProtocol.of(h);
    }
    return null;
  }
}
