package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import io.hubshare.internal.protocol.RepoIdHash;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects links in chunked primitive sequences, in the order models arrive, and sorts them in place into a
 * {@link LinkTable}. What {@link LineageIndex.Builder} does behind its public face.
 *
 * <p>Building hands the sequences over to the table rather than copying them: at a full crawl the copy would
 * double the peak. The collector then owns nothing; if more models arrive, it first takes a copy of the table's
 * contents (reference numbers unchanged), so a built table never changes.
 */
final class LinkCollector {
  /** Per model, in the order added: the hash of its id. */
  private LongChunks keys = new LongChunks();
  /** Per model: its one link, or {@code ~p} for a list of links at {@code more[p]} (see {@link LinkTable}). */
  private IntChunks entries = new IntChunks();
  private IntChunks more = new IntChunks();
  private ParentPool pool = new ParentPool();
  /** The table the sequences were handed to, until more models arrive. */
  private @Nullable LinkTable built;

  /**
   * Adds a model's links.
   *
   * @return the pool reference of the model's primary base, or -1 when {@code bases} is empty
   */
  int add(String id, List<BaseModel> bases) {
    if (bases.isEmpty()) return -1;
    if (built != null) takeBack();
    int primary = PrimaryParent.indexOf(bases);
    int entry;
    int primaryRef;
    if (bases.size() == 1) {
      BaseModel b = bases.get(0);
      primaryRef = pool.intern(b.id(), LinkTable.MAX_PARENTS);
      entry = LinkTable.encode(primaryRef, true, b.relation());
    } else {
      int[] links = new int[bases.size()];
      for (int i = 0; i < links.length; i++) {
        BaseModel b = bases.get(i);
        links[i] = LinkTable.encode(pool.intern(b.id(), LinkTable.MAX_PARENTS), i == primary, b.relation());
      }
      primaryRef = links[primary] >>> LinkTable.REF_SHIFT;
      entry = ~more.size();
      more.add(links.length);
      for (int link : links) more.add(link);
    }
    keys.add(RepoIdHash.of(id));
    entries.add(entry);
    return primaryRef;
  }

  /** A table of everything added so far. */
  LinkTable table() {
    LinkTable t = built;
    if (t != null) return t;
    pool.releaseTable();
    int n = keys.size();
    IntChunks order = new IntChunks();
    for (int i = 0; i < n; i++) order.add(i);
    LinkSort.sort(keys, entries, order);
    order = null; // free before the node table is made: at a full crawl, the peak of the build is the sort

    // Keep one model per hash: the one added last (last among equal keys), so a newer reading wins.
    int kept = 0;
    int links = 0;
    for (int i = 0; i < n; i++) {
      long key = keys.get(i);
      if (i + 1 < n && keys.get(i + 1) == key) continue;
      int entry = entries.get(i);
      keys.set(kept, key);
      entries.set(kept++, entry);
      links += LinkTable.linkCount(entry, more);
    }
    keys.truncate(kept);
    entries.truncate(kept);

    IntChunks parentNode = new IntChunks();
    for (int p = 0; p < pool.size(); p++) {
      int i = keys.binarySearch(pool.hash(p));
      parentNode.add(i < 0 ? -1 : i);
    }
    pool.releaseHashes();
    t = new LinkTable(keys, entries, more, pool, parentNode, links);
    built = t;
    return t;
  }

  /** Copies the built table's contents back into sequences of the collector's own, to add to. */
  private void takeBack() {
    keys = new LongChunks(keys);
    entries = new IntChunks(entries);
    more = new IntChunks(more);
    pool = new ParentPool(pool);
    built = null;
  }
}
