package io.hubshare.lineage;

import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The running counts of one family while {@link Families} reads models: primitives only, since a full crawl
 * holds well over a million families (every original is one), most of them a single model.
 */
final class FamilyTally {
  private static final Relation[] RELATIONS = Relation.values();

  /** The root's id: as first linked, then as the root model itself spells it once counted. */
  String root;
  String developer;
  boolean rootPresent;
  /** Counts by relation ordinal: own in [0, 5), community in [5, 10). */
  private final int[] counts = new int[2 * RELATIONS.length];
  /** 30-day and all-time sums: own, then community. */
  private final long[] downloads = new long[4];
  /** Bit i set when sum i has had at least one reported value. */
  private int reported;

  FamilyTally(String root, String developer) {
    this.root = root;
    this.developer = developer;
  }

  void add(Model model, boolean own) {
    int part = own ? 0 : 1;
    counts[part * RELATIONS.length + model.relation().ordinal()]++;
    // A negative count is no count: absent, as everywhere in hubshare.
    Long last30 = model.downloads().last30Days();
    if (last30 != null && last30 >= 0) sum(part * 2, last30);
    Long allTime = model.downloads().allTime();
    if (allTime != null && allTime >= 0) sum(part * 2 + 1, allTime);
  }

  private void sum(int i, long value) {
    downloads[i] += value;
    reported |= 1 << i;
  }

  int members() {
    int n = 0;
    for (int c : counts) n += c;
    return n;
  }

  Family toFamily() {
    return new Family(root, developer, rootPresent, counts(0), counts(1));
  }

  private FamilyCounts counts(int part) {
    Map<Relation, Integer> byRelation = new EnumMap<>(Relation.class);
    int models = 0;
    for (Relation r : RELATIONS) {
      int n = counts[part * RELATIONS.length + r.ordinal()];
      if (n > 0) byRelation.put(r, n);
      models += n;
    }
    return new FamilyCounts(models, byRelation, value(part * 2), value(part * 2 + 1));
  }

  private @Nullable Long value(int i) {
    return (reported & (1 << i)) == 0 ? null : downloads[i];
  }
}
