package io.hubshare.analytics;

import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Country shares of 30-day downloads over the scaled-up sample, measuring the heap, for {@code SharesHeapTest}
 * (which runs it in a child JVM with a small {@code -Xmx}) and docs/performance.md.
 *
 * <p>Arguments: {@code uploader|parent|root|root-two-pass} and the number of copies of the sample. Prints one line of
 * {@code key=value} pairs. "live" is the heap in use right after a full collection, taken every 250,000 models and
 * at the end: what the computation retains. The {@code -Xmx} it completes in bounds everything else (garbage and
 * the transient copies of {@code LineageIndex.Builder.build()}). {@code seconds} is the wall time of the run,
 * {@code cpuSeconds} the main thread's CPU time (the collector's threads excluded): on a busy machine the first
 * grows with the load, the second does not.
 */
public final class HeapBenchmark {
  private static final long CHECK_EVERY = 250_000;
  private static long maxLive;

  private HeapBenchmark() {}

  public static void main(String[] args) {
    String mode = args[0];
    int replicas = Integer.parseInt(args[1]);
    ScaledSample sample = new ScaledSample(replicas);
    live();
    long start = System.nanoTime();
    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();

    Shares shares = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS);
    int lineageModels = -1;
    switch (mode) {
      case "uploader": break;
      case "parent": shares = shares.attribution(Attribution.PARENT); break;
      case "root": shares = shares.attribution(Attribution.ROOT); break;
      case "root-two-pass": {
        LineageIndex.Builder b = LineageIndex.builder();
        long n = 0;
        for (Model m : sample) {
          b.add(m);
          if (++n % CHECK_EVERY == 0) live();
        }
        LineageIndex index = b.build();
        b = null;
        lineageModels = index.size();
        live();
        shares = shares.attribution(Attribution.ROOT).lineage(index);
        break;
      }
      default: throw new IllegalArgumentException("mode: uploader, parent, root or root-two-pass, not " + mode);
    }
    ShareAccumulator acc = shares.accumulator();
    long n = 0;
    for (Model m : sample) {
      acc.add(m);
      if (++n % CHECK_EVERY == 0) live();
    }
    live();
    ShareTable t = acc.result();
    long liveAfter = live();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;

    System.out.println(String.format(Locale.ROOT,
        "mode=%s models=%d total=%d cn=%d us=%d unknown=%d rows=%d lineageModels=%d maxHeapMiB=%.0f "
            + "liveMaxMiB=%.1f liveAfterMiB=%.1f seconds=%.1f cpuSeconds=%.1f",
        mode, t.counts().seen(), t.total(), value(t, "CN"), value(t, "US"), t.unknown().value(), t.rows().size(),
        lineageModels, Runtime.getRuntime().maxMemory() / 1048576.0, maxLive / 1048576.0, liveAfter / 1048576.0,
        seconds, cpuSeconds));
  }

  private static long value(ShareTable t, String key) {
    ShareRow r = t.row(key);
    return r == null ? 0 : r.value();
  }

  /** Heap in use after a full collection; also tracked as the maximum so far. */
  private static long live() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    maxLive = Math.max(maxLive, used);
    return used;
  }
}
