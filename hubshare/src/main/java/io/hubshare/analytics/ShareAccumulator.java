package io.hubshare.analytics;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.lineage.PrimaryParent;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Adds models up into a {@link ShareTable} one at a time, for streams no list could hold: a live listing, a
 * snapshot of millions of models, or the per-model deltas the snapshot layer computes. Memory grows with the number
 * of groups (and, under {@link Attribution#ROOT} without a prebuilt index, with the compact lineage index and one
 * sum per parent id), never with the number of models. Obtain one from {@link Shares#accumulator()}; not
 * thread-safe.
 *
 * <pre>{@code
 * ShareAccumulator acc = Shares.by(Dimension.COUNTRY).accumulator();
 * for (Page<Model> page : hub.models().list(query).pages()) {
 *   page.items().forEach(acc::add);
 *   checkpoint(page.nextCursor());
 * }
 * ShareTable t = acc.result();
 * }</pre>
 */
public final class ShareAccumulator {
  private static final Long ONE = 1L;
  private static final int UNKNOWN_GROUP = -1;

  private final Shares spec;
  private final Grouping grouping;
  private final GroupTotals totals = new GroupTotals();
  private final long[] unknown = new long[3];
  /** ROOT attribution's lineage and parked sums; dropped once the result is taken. */
  private @Nullable RootCredit roots;
  private long seen;
  private long matched;
  private long missing;
  private long negative;
  private boolean done;
  /**
   * For models credited to themselves, the group of each account a stored-fields reader numbered
   * ({@link StoredFields#accountRef}): its entry in {@link #totals} + 1, {@link #UNKNOWN_GROUP} for the unknown row, 0
   * when not looked up yet. Valid while the population of hubs stays the same, which a lookup may depend on.
   */
  private int[] groupOfAccount = new int[0];
  private @Nullable Hub lastHub;

  ShareAccumulator(Shares spec, Grouping grouping, @Nullable LineageIndex prebuilt) {
    this.spec = spec;
    this.grouping = grouping;
    this.roots = spec.dimension().isCredited() && spec.attribution() == Attribution.ROOT
        ? new RootCredit(prebuilt) : null;
  }

  /**
   * Adds a model with its own value of the metric ({@code downloads().last30Days()} for
   * {@link Metric#DOWNLOADS}…).
   *
   * @throws IllegalStateException for {@link Metric#DOWNLOADS_BETWEEN}, whose value must be supplied, or after
   *     {@link #result()}
   */
  public ShareAccumulator add(Model model) {
    if (!spec.metric().isIntrinsic()) {
      throw new IllegalStateException(spec.metric().key() + " needs a value per model: use add(model, value)");
    }
    return accept(model, null, false);
  }

  /**
   * Adds a model with a value supplied from outside: the downloads between two snapshots, for
   * {@link Metric#DOWNLOADS_BETWEEN}. A {@code null} value counts the model as missing (it was absent from one of
   * the snapshots, say).
   *
   * @throws IllegalStateException if the metric is one a model carries itself, or after {@link #result()}
   * @throws IllegalArgumentException if the value is negative
   */
  public ShareAccumulator add(Model model, @Nullable Long value) {
    if (spec.metric().isIntrinsic()) {
      throw new IllegalStateException(spec.metric().key() + " comes with each model: use add(model)");
    }
    if (value != null && value < 0) {
      throw new IllegalArgumentException("a download count cannot be negative: " + model.id() + " has " + value);
    }
    return accept(model, value, true);
  }

  /** Adds every model of the iterable, as {@link #add(Model)} does. */
  public ShareAccumulator addAll(Iterable<? extends Model> models) {
    for (Model m : models) add(m);
    return this;
  }

  private ShareAccumulator accept(Model model, @Nullable Long supplied, boolean isSupplied) {
    if (done) throw new IllegalStateException("result() was already called: start a new accumulator");
    seen++;
    grouping.include(model.hub());
    // Every model feeds the lineage, filtered or not: a model outside the window can still be a link in the
    // chain from a model inside it to its root.
    int parentRef = roots == null ? -1 : roots.observe(model);
    if (!spec.filter().test(model)) return this;
    matched++;
    Long value = isSupplied ? supplied : spec.metric().valueOf(model);
    if (value != null && value < 0) {
      negative++; // no count is negative: absent, and said so in the table's counts
      value = null;
    }
    if (value == null) missing++;
    if (!spec.dimension().isCredited()) {
      put(grouping.ownKey(model), value, false);
      return this;
    }
    if (parentRef >= 0) {
      Objects.requireNonNull(roots, "roots").park(parentRef, value);
    } else {
      String credited = creditedId(model);
      // A model credited to itself carries its id and author as the Hub spells them: the group's canonical spelling.
      put(creditedKey(model, credited), value, credited.equals(model.id()));
    }
    return this;
  }

  /**
   * Adds a model read by the snapshot fast path: the same steps as for a {@link Model}, over the fields a
   * computation needs. {@code passes} says whether it passed the filters ({@link ModelFilter#test(StoredFields)});
   * {@code hub} is the snapshot's.
   */
  void add(StoredFields f, Hub hub, boolean passes) {
    if (done) throw new IllegalStateException("result() was already called: start a new accumulator");
    seen++;
    if (hub != lastHub) {
      lastHub = hub;
      if (grouping.include(hub)) groupOfAccount = new int[0];
    }
    int parentRef = roots == null || f.bases.isEmpty() ? -1 : roots.observe(f.id(), f.bases);
    if (!passes) return;
    matched++;
    Long value;
    switch (spec.metric()) {
      case DOWNLOADS: value = f.downloads; break;
      case DOWNLOADS_ALL_TIME: value = f.downloadsAllTime; break;
      case LIKES: value = f.likes; break;
      case MODELS: value = ONE; break;
      default: throw new IllegalStateException(spec.metric() + " needs a value per model");
    }
    if (value != null && value < 0) {
      negative++;
      value = null;
    }
    if (value == null) missing++;
    if (!spec.dimension().isCredited()) {
      put(grouping.ownKey(spec.dimension() == Dimension.PIPELINE_TAG ? f.pipelineTag : f.libraryName), value, false);
      return;
    }
    if (parentRef >= 0) {
      Objects.requireNonNull(roots, "roots").park(parentRef, value);
      return;
    }
    if (f.accountRef >= 0 && f.bases.isEmpty() && spec.dimension() != Dimension.FAMILY) {
      addToOwnAccount(f, hub, value);
      return;
    }
    String credited;
    switch (spec.attribution()) {
      case UPLOADER: credited = f.id(); break;
      case PARENT: {
        BaseModel p = PrimaryParent.of(f.bases);
        credited = p == null ? f.id() : p.id();
        break;
      }
      case ROOT: credited = Objects.requireNonNull(roots, "roots").creditedId(f.id(), f.bases); break;
      default: throw new AssertionError(spec.attribution());
    }
    boolean self = credited.equals(f.id());
    put(grouping.creditedKey(credited, self ? f.account : Grouping.ownerOf(credited), hub, self), value, self);
  }

  /**
   * Adds a model credited to itself (it has no base, under any attribution) by its account's group, looked up once per
   * account: a lookup that depends on nothing but the account, the hub and the population, and whose first
   * {@link GroupTotals#entry} settles the group's spelling as every later one would.
   */
  private void addToOwnAccount(StoredFields f, Hub hub, @Nullable Long value) {
    int ref = f.accountRef;
    if (ref >= groupOfAccount.length) {
      groupOfAccount = Arrays.copyOf(groupOfAccount, Math.max(ref + 1, groupOfAccount.length * 2));
    }
    int group = groupOfAccount[ref];
    if (group == 0) {
      String key = grouping.creditedKey(f.id(), f.account, hub, true);
      group = key == null ? UNKNOWN_GROUP : totals.entry(key, true) + 1;
      groupOfAccount[ref] = group;
    }
    if (group == UNKNOWN_GROUP) {
      addUnknown(value == null ? 0 : value, 1, value == null ? 1 : 0);
    } else {
      totals.add(group - 1, value);
    }
  }

  /** Announces the hubs of a population before its models arrive, so the first models may credit bases on any. */
  ShareAccumulator spanning(Iterable<Hub> hubs) {
    for (Hub h : hubs) grouping.include(h);
    return this;
  }

  private String creditedId(Model m) {
    switch (spec.attribution()) {
      case UPLOADER: return m.id();
      case PARENT: {
        BaseModel p = PrimaryParent.of(m.baseModels());
        return p == null ? m.id() : p.id();
      }
      case ROOT: return Objects.requireNonNull(roots, "roots").creditedId(m);
      default: throw new AssertionError(spec.attribution());
    }
  }

  /** The credited model's own account when it is the model itself, else the owner part of the credited id. */
  private @Nullable String creditedKey(Model m, String creditedId) {
    boolean self = creditedId.equals(m.id());
    String account = self ? Grouping.accountOf(m) : Grouping.ownerOf(creditedId);
    return grouping.creditedKey(creditedId, account, m.hub(), self);
  }

  private void put(@Nullable String key, @Nullable Long value, boolean canonical) {
    if (key == null) {
      addUnknown(value == null ? 0 : value, 1, value == null ? 1 : 0);
    } else {
      totals.add(key, value, canonical);
    }
  }

  private void addUnknown(long value, long models, long missingCount) {
    unknown[GroupTotals.VALUE] = Math.addExact(unknown[GroupTotals.VALUE], value);
    unknown[GroupTotals.MODELS] += models;
    unknown[GroupTotals.MISSING] += missingCount;
  }

  /**
   * The table of everything added. Under ROOT attribution in one pass, this is when the parent ids are resolved to
   * their roots. Call it once: the accumulator is finished afterwards.
   *
   * @throws MetricUnavailableException if models matched the filters but none of them carries the metric (all-time
   *     downloads over a listing made without them, say): a table of zeros would be no answer
   * @throws IllegalStateException if called twice
   */
  public ShareTable result() {
    if (done) throw new IllegalStateException("result() was already called");
    done = true;
    RootCredit r = roots;
    roots = null;
    if (r != null) {
      r.resolve((root, value, models, missingCount) -> {
        String key = grouping.creditedKey(root, Grouping.ownerOf(root), null, false);
        if (key == null) {
          addUnknown(value, models, missingCount);
        } else {
          totals.add(key, value, models, missingCount);
        }
      });
    }
    return ShareTable.of(spec.dimension(), spec.metric(), spec.attribution(), spec.filter().describe(),
        totals.toMap(), unknown, new ShareTable.Counts(seen, matched, missing, negative));
  }
}
