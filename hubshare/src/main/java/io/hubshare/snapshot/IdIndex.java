package io.hubshare.snapshot;

/**
 * What {@link SnapshotDelta} needs of the older snapshot, per model: all-time downloads and creation time, keyed
 * by the id's 64-bit hash ignoring case ({@link IdHashSet#hash}) in three parallel {@code long[]} arrays. 48 to 96 bytes per
 * model, so a million-model snapshot indexes in about 50 to 100 MB, where a map of parsed models would need
 * gigabytes.
 */
final class IdIndex {
  /** Stands for "absent" in the value arrays. */
  static final long NONE = Long.MIN_VALUE;

  private long[] keys = new long[1024];
  private long[] allTime = new long[1024];
  private long[] created = new long[1024];
  private int size;

  /** Records a model; the first record of an id wins, as the first line of a snapshot does. */
  void put(String id, long allTimeDownloads, long createdEpochSecond) {
    if (size * 2 >= keys.length) grow();
    long h = IdHashSet.hash(id, true);
    int mask = keys.length - 1;
    int i = (int) h & mask;
    while (keys[i] != 0) {
      if (keys[i] == h) return;
      i = (i + 1) & mask;
    }
    keys[i] = h;
    allTime[i] = allTimeDownloads;
    created[i] = createdEpochSecond;
    size++;
  }

  /** The slot of the id, or -1 if the older snapshot does not hold it. */
  int find(String id) {
    long h = IdHashSet.hash(id, true);
    int mask = keys.length - 1;
    for (int i = (int) h & mask; keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == h) return i;
    }
    return -1;
  }

  /** All-time downloads at the slot, or {@link #NONE} if the older snapshot did not carry them. */
  long allTime(int slot) {
    return allTime[slot];
  }

  /** Creation time at the slot in epoch seconds, or {@link #NONE}. */
  long created(int slot) {
    return created[slot];
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldAll = allTime;
    long[] oldCreated = created;
    int n = oldKeys.length * 2;
    keys = new long[n];
    allTime = new long[n];
    created = new long[n];
    int mask = n - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long h = oldKeys[j];
      if (h == 0) continue;
      int i = (int) h & mask;
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = h;
      allTime[i] = oldAll[j];
      created[i] = oldCreated[j];
    }
  }
}
