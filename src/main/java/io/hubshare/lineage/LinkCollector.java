package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import java.util.Arrays;
import java.util.List;

/**
 * Collects links in growable primitive arrays, in the order models arrive, and sorts them into a
 * {@link LinkTable}. What {@link LineageIndex.Builder} does behind its public face.
 */
final class LinkCollector {
  private long[] hashes = new long[256];
  /** End of model i's links in {@link #links}; the start is the previous model's end. */
  private int[] ends = new int[256];
  private int count;
  private int[] links = new int[256];
  private int linkCount;
  private final ParentPool pool = new ParentPool();

  void add(String id, List<BaseModel> bases) {
    if (bases.isEmpty()) return;
    int primary = PrimaryParent.indexOf(bases);
    if (linkCount + bases.size() > links.length) {
      links = Arrays.copyOf(links, Math.max(links.length * 2, linkCount + bases.size()));
    }
    for (int i = 0; i < bases.size(); i++) {
      BaseModel b = bases.get(i);
      int ref = pool.intern(b.id());
      if (ref >= LinkTable.MAX_PARENTS) {
        throw new IllegalStateException("more than " + LinkTable.MAX_PARENTS + " distinct base ids");
      }
      links[linkCount++] = LinkTable.encode(ref, i == primary, b.relation());
    }
    if (count == hashes.length) {
      hashes = Arrays.copyOf(hashes, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    hashes[count] = IdHash.of(id);
    ends[count] = linkCount;
    count++;
  }

  /** A table of everything added so far; the collector stays usable. */
  LinkTable table() {
    long[] sorted = Arrays.copyOf(hashes, count);
    int[] order = new int[count];
    for (int i = 0; i < count; i++) order[i] = i;
    PairSort.sort(sorted, order, count);

    // Keep one model per hash: the one added last, so a newer reading wins.
    int unique = 0;
    int kept = 0;
    for (int i = 0; i < count; ) {
      int j = i;
      int last = order[i];
      while (++j < count && sorted[j] == sorted[i]) last = Math.max(last, order[j]);
      sorted[unique] = sorted[i];
      order[unique++] = last;
      kept += end(last) - start(last);
      i = j;
    }
    long[] keys = Arrays.copyOf(sorted, unique);
    int[] starts = new int[unique + 1];
    int[] out = new int[kept];
    int at = 0;
    for (int i = 0; i < unique; i++) {
      int from = start(order[i]);
      int n = end(order[i]) - from;
      System.arraycopy(links, from, out, at, n);
      starts[i] = at;
      at += n;
    }
    starts[unique] = at;
    int[] parentNode = new int[pool.size()];
    for (int p = 0; p < parentNode.length; p++) {
      int i = Arrays.binarySearch(keys, pool.hash(p));
      parentNode[p] = i < 0 ? -1 : i;
    }
    return new LinkTable(keys, starts, out, pool.frozen(), parentNode);
  }

  private int start(int model) {
    return model == 0 ? 0 : ends[model - 1];
  }

  private int end(int model) {
    return ends[model];
  }
}
