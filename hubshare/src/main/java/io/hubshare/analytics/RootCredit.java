package io.hubshare.analytics;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.lineage.PrimaryParent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ROOT attribution. The rule: a model whose own record names no base is an original and is credited to itself (the
 * three attributions agree on it); a derivative is credited to {@code index.rootOf(its primary parent)}, the root
 * of the lineage over every model seen. Two ways to apply it, with the same result:
 *
 * <p><b>One pass</b> (no index given): every derivative's links go into a {@link LineageIndex.Builder}, and its
 * value is parked under its primary parent's id, since the parent's own links may only arrive later in the stream.
 * At the end the index is built and each parked parent id is walked to its root. Memory: the compact index plus
 * 12 to 16 bytes per distinct parent id ({@link ParkedSums}, indexed by the builder's reference for the id). This
 * suits a stream that cannot be read twice, such as a live listing.
 *
 * <p><b>Prebuilt index</b> (two passes over a snapshot): each derivative is credited at once; nothing is parked,
 * so the peak is lower, at the cost of reading the models twice.
 *
 * <p>Why the parent's root rather than {@code index.creditedId(model, ROOT)}: the result must not depend on the
 * pass count. The two differ only where the model's own record and the index disagree: inside a base-model cycle
 * ({@code A → B → A}: the walk from B stops before A repeats, so A is credited to itself, having no true root) and
 * when a listing holds the same repository twice under ids differing in case, one copy without links (that copy
 * stays an original).
 */
final class RootCredit {
  private final @Nullable LineageIndex prebuilt;
  private final LineageIndex.@Nullable Builder builder;
  private final ParkedSums parked = new ParkedSums();

  RootCredit(@Nullable LineageIndex prebuilt) {
    this.prebuilt = prebuilt;
    this.builder = prebuilt == null ? LineageIndex.builder() : null;
  }

  /**
   * Records the model's links (one pass only); called for every model, filtered or not.
   *
   * @return the reference of the primary parent to park the model's value under until the end, or -1 to credit it
   *     now (an original, or any model when the index is prebuilt)
   */
  int observe(Model m) {
    return observe(m.id(), m.baseModels());
  }

  /** As {@link #observe(Model)}, for the model {@code id} with these bases. */
  int observe(String id, List<BaseModel> bases) {
    return builder == null || bases.isEmpty() ? -1 : builder.addAndGetPrimaryRef(id, bases);
  }

  void park(int parentRef, @Nullable Long value) {
    parked.add(parentRef, value);
  }

  /** The id credited now, for a model {@link #observe} gave no parent reference. */
  String creditedId(Model m) {
    return creditedId(m.id(), m.baseModels());
  }

  /** As {@link #creditedId(Model)}, for the model {@code id} with these bases. */
  String creditedId(String id, List<BaseModel> bases) {
    BaseModel p = PrimaryParent.of(bases);
    if (p == null || prebuilt == null) return id;
    return prebuilt.rootOf(p.id());
  }

  /**
   * Builds the index and hands each parked sum to {@code visitor} under its parent's root id (a root may come more
   * than once: once per parked parent that leads to it).
   */
  void resolve(GroupTotals.Visitor visitor) {
    if (builder == null) return;
    parked.forEachRoot(builder.build(), visitor);
  }
}
