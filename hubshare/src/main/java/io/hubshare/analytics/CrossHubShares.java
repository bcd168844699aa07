package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.snapshot.ModelDelta;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.SnapshotDelta;
import io.hubshare.snapshot.SnapshotHeader;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link Shares#computeAcrossHubs(List)}: snapshots of several hubs read as one population.
 *
 * <p>Hubs count differently, so a share across them is computed only when every hub in it carries the metric:
 * Hugging Face's {@code downloads} count the last 30 days, ModelScope's only all time, and adding one to the other
 * compares nothing. The check is made on the data (every hub must give the metric for some of its models), so a
 * Hugging Face snapshot crawled without {@code downloadsAllTime} is refused for all-time shares too.
 */
final class CrossHubShares {
  /** How far apart the snapshots of "the same moment" may be taken. */
  static final Duration MAX_SKEW = Duration.ofDays(7);

  private CrossHubShares() {}

  static ShareTable compute(Shares shares, List<Path> files) throws IOException {
    if (files.isEmpty()) throw new IllegalArgumentException("no snapshots given");
    Map<Hub, List<SnapshotHeader>> byHub = new LinkedHashMap<>();
    Map<Hub, List<Path>> pathsByHub = new LinkedHashMap<>();
    for (Path f : files) {
      try (Snapshot s = Snapshots.open(f)) {
        Hub hub = Hub.of(s.header().hub());
        byHub.computeIfAbsent(hub, h -> new ArrayList<>()).add(s.header());
        pathsByHub.computeIfAbsent(hub, h -> new ArrayList<>()).add(f);
      }
    }
    boolean between = !shares.metric().isIntrinsic();
    int perHub = between ? 2 : 1;
    for (Map.Entry<Hub, List<Path>> e : pathsByHub.entrySet()) {
      if (e.getValue().size() != perHub) {
        throw new IllegalArgumentException("across hubs, each hub gives " + (between
            ? "two snapshots (the start and the end of the window)" : "one snapshot") + "; " + e.getKey().displayName()
            + " has " + e.getValue().size() + ": " + e.getValue());
      }
    }
    checkSameMoment(byHub, between);

    Shares s = shares;
    if (shares.attribution() == Attribution.ROOT) {
      // One lineage over every hub: a base id resolves on whichever hub has the model.
      LineageIndex.Builder links = LineageIndex.builder();
      for (List<Path> paths : pathsByHub.values()) {
        try (Snapshot snap = Snapshots.open(newest(paths))) {
          snap.forEach(links::add);
        }
      }
      s = s.lineage(links.build());
    }
    ShareAccumulator acc = s.accumulator().spanning(pathsByHub.keySet());
    Map<Hub, long[]> carried = new LinkedHashMap<>();
    for (Map.Entry<Hub, List<Path>> e : pathsByHub.entrySet()) {
      long[] counts = carried.computeIfAbsent(e.getKey(), h -> new long[2]);
      if (between) {
        List<Path> pair = sortedByTime(e.getValue());
        try (Stream<ModelDelta> deltas = SnapshotDelta.between(pair.get(0), pair.get(1))) {
          Iterator<ModelDelta> it = deltas.iterator();
          while (it.hasNext()) {
            ModelDelta d = it.next();
            counts[0]++;
            if (d.downloadsBetween() != null) counts[1]++;
            acc.add(d.model(), d.downloadsBetween());
          }
        }
      } else {
        try (Snapshot snap = Snapshots.open(e.getValue().get(0))) {
          for (Model m : snap) {
            counts[0]++;
            if (shares.metric().valueOf(m) != null) counts[1]++;
            acc.add(m);
          }
        }
      }
    }
    requireComparable(shares.metric(), carried);
    return acc.result();
  }

  /** Refuses a metric that some hub of the population does not carry at all, naming what would work. */
  static void requireComparable(Metric metric, Map<Hub, long[]> carried) {
    if (metric == Metric.MODELS || carried.size() < 2) return;
    List<String> without = new ArrayList<>();
    for (Map.Entry<Hub, long[]> e : carried.entrySet()) {
      if (e.getValue()[0] > 0 && e.getValue()[1] == 0) without.add(e.getKey().displayName());
    }
    if (without.isEmpty()) return;
    String hubs = carried.keySet().stream().map(Hub::displayName).collect(Collectors.joining(" and "));
    StringBuilder m = new StringBuilder("cannot compare " + metric.label() + " across " + hubs + ": "
        + String.join(" and ", without) + (without.size() == 1 ? " gives" : " give") + " no " + metric.label());
    if (metric == Metric.DOWNLOADS) {
      m.append(" (Hugging Face counts the last 30 days, ModelScope only all time)");
    }
    m.append(". Comparable across hubs: downloads-all-time from snapshots that carry it on every hub (crawl Hugging"
        + " Face with --expand downloadsAllTime), or downloads-between two snapshots of each hub");
    throw new IllegalArgumentException(m.toString());
  }

  /** Refuses snapshots of different moments: a share of a population needs one reading of it. */
  private static void checkSameMoment(Map<Hub, List<SnapshotHeader>> byHub, boolean between) {
    for (int end = 0; end < (between ? 2 : 1); end++) {
      Instant first = null;
      Instant last = null;
      for (List<SnapshotHeader> headers : byHub.values()) {
        List<SnapshotHeader> sorted = new ArrayList<>(headers);
        sorted.sort(Comparator.comparing(SnapshotHeader::startedAt));
        Instant t = readAt(sorted.get(end));
        if (first == null || t.isBefore(first)) first = t;
        if (last == null || t.isAfter(last)) last = t;
      }
      if (first != null && Duration.between(first, last).compareTo(MAX_SKEW) > 0) {
        throw new IllegalArgumentException("the hubs' snapshots" + (between ? (end == 0 ? " (window starts)"
            : " (window ends)") : "") + " were read " + Duration.between(first, last).toDays() + " days apart ("
            + first + " and " + last + "); across hubs they must describe the same moment, within "
            + MAX_SKEW.toDays() + " days");
      }
    }
  }

  private static Instant readAt(SnapshotHeader h) {
    return h.completedAt() != null ? h.completedAt() : h.startedAt();
  }

  private static Path newest(List<Path> paths) throws IOException {
    List<Path> sorted = sortedByTime(paths);
    return sorted.get(sorted.size() - 1);
  }

  private static List<Path> sortedByTime(List<Path> paths) throws IOException {
    Map<Path, Instant> started = new LinkedHashMap<>();
    for (Path p : paths) {
      try (Snapshot s = Snapshots.open(p)) {
        started.put(p, s.header().startedAt());
      }
    }
    List<Path> sorted = new ArrayList<>(paths);
    sorted.sort(Comparator.comparing(started::get));
    return sorted;
  }
}
