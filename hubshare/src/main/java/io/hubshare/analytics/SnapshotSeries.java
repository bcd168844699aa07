package io.hubshare.analytics;

import io.hubshare.snapshot.ModelDelta;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotDelta;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A {@link ShareSeries} over snapshot files: {@link Shares#series(List)}. */
final class SnapshotSeries {
  private SnapshotSeries() {}

  static ShareSeries of(Shares shares, List<Path> files) throws IOException {
    List<Map.Entry<Instant, Path>> dated = new ArrayList<>(files.size());
    for (Path given : files) {
      for (Path f : java.nio.file.Files.isDirectory(given) ? Snapshots.series(given) : List.of(given)) {
        try (Snapshot s = Snapshots.open(f)) {
          dated.add(Map.entry(s.header().requireStartedAt("a series of snapshots"), f));
        }
      }
    }
    dated.sort(Comparator.comparing(Map.Entry::getKey));
    List<ShareSeries.Point> points = new ArrayList<>();
    if (shares.metric().isIntrinsic()) {
      for (Map.Entry<Instant, Path> d : dated) {
        try (Snapshot s = Snapshots.open(d.getValue())) {
          points.add(new ShareSeries.Point(d.getKey(), shares.compute(s)));
        } catch (MetricUnavailableException e) {
          throw e.from(d.getValue().toString());
        }
      }
    } else {
      if (dated.size() < 2) {
        throw new IllegalArgumentException("downloads between snapshots need at least two snapshots, got "
            + dated.size());
      }
      for (int i = 1; i < dated.size(); i++) {
        try (Stream<ModelDelta> deltas = SnapshotDelta.between(dated.get(i - 1).getValue(), dated.get(i).getValue())) {
          points.add(new ShareSeries.Point(dated.get(i).getKey(), shares.computeBetween(deltas)));
        } catch (MetricUnavailableException e) {
          throw e.from(dated.get(i - 1).getValue() + " and " + dated.get(i).getValue());
        }
      }
    }
    return new ShareSeries(points);
  }
}
