package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every model's base-model links, held compactly enough to keep a full Hub crawl in memory while shares are
 * computed: which model derives from which, and where each lineage ends. Immutable and thread-safe; build one
 * from any stream of models with {@link #of(Iterable)} or {@link #builder()}.
 *
 * {@snippet :
 * LineageIndex.Builder b = LineageIndex.builder();
 * for (Model m : hub.models().list(query)) b.add(m);        // keeps the links, not the models
 * LineageIndex lineage = b.build();
 * lineage.rootOf("Abiray/10Eros-Max-GGUF");                  // "MiniMaxAI/MiniMax-H3"
 * lineage.creditedId(model, Attribution.PARENT);
 * }
 *
 * <p><b>What is stored.</b> Only models with links: an id without links is an original, or a model the index never
 * saw, and both are their own root. A model's id is kept as a 64-bit hash (see {@link IdHash}); each distinct base
 * id is kept once, as UTF-8 bytes in a shared array. With the Hub's typical mix (one link per derivative, bases
 * shared by many) that is about 8 + 4 + 4 bytes per model and link, plus each distinct base id once: tens of bytes
 * per link against hundreds for maps of strings.
 *
 * <p><b>Walking.</b> {@link #rootOf(String)} follows {@link PrimaryParent primary parents}: the base with the
 * smallest id, whatever order the links came in. It stops at an id with no known links (an original, or a base
 * the index never saw: its id is still the furthest ancestor known, and names its owner) or at a cycle. For a
 * walk that reports each step and tells a missing parent from an original, use {@link LineageWalker}.
 *
 * <p><b>Ids</b> are compared exactly, case included, as the Hub writes them in tags. If a model is added twice
 * with links, the later links replace the earlier.
 */
public final class LineageIndex {
  /** Above this depth, cycle checks switch from a linear scan to a hash set. */
  private static final int LINEAR_VISITED = 32;
  private static final int PRIMARY_BIT = 1 << 3;
  private static final int RELATION_MASK = 0x7;
  private static final int REF_SHIFT = 4;
  /** Parent references must fit in 32 - {@link #REF_SHIFT} bits. */
  private static final int MAX_PARENTS = 1 << (31 - REF_SHIFT);
  private static final Relation[] RELATIONS = Relation.values();

  /** Hashes of the models with links, ascending. */
  private final long[] keys;
  /** Model i's links are {@code links[starts[i], starts[i + 1])}, in the model's order. */
  private final int[] starts;
  /** Parent reference, primary flag and relation ordinal of each link. */
  private final int[] links;
  private final ParentPool parents;
  /** The model position of each parent reference, or -1 when the parent has no links here. */
  private final int[] parentNode;

  private LineageIndex(long[] keys, int[] starts, int[] links, ParentPool parents, int[] parentNode) {
    this.keys = keys;
    this.starts = starts;
    this.links = links;
    this.parents = parents;
    this.parentNode = parentNode;
  }

  /** The index of the links of {@code models}, read in one pass. */
  public static LineageIndex of(Iterable<? extends Model> models) {
    Builder b = builder();
    for (Model m : models) b.add(m);
    return b.build();
  }

  /** A builder to add models to one at a time, for example while a crawl streams past. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * All bases of {@code id}, in the order the model gave them.
   *
   * @return the bases; empty for an original or an id the index does not hold
   */
  public List<BaseModel> parentsOf(String id) {
    int node = node(id);
    if (node < 0) return List.of();
    List<BaseModel> out = new ArrayList<>(starts[node + 1] - starts[node]);
    for (int l = starts[node]; l < starts[node + 1]; l++) {
      out.add(new BaseModel(parents.id(links[l] >>> REF_SHIFT), RELATIONS[links[l] & RELATION_MASK]));
    }
    return List.copyOf(out);
  }

  /**
   * The base a walk from {@code id} follows, by the {@link PrimaryParent} rule, with its relation.
   *
   * @return the primary base, or {@code null} for an original or an unknown id
   */
  public @Nullable BaseModel primaryBaseOf(String id) {
    int node = node(id);
    if (node < 0) return null;
    int link = links[primaryLink(node)];
    return new BaseModel(parents.id(link >>> REF_SHIFT), RELATIONS[link & RELATION_MASK]);
  }

  /**
   * The id of the base a walk from {@code id} follows, by the {@link PrimaryParent} rule.
   *
   * @return the primary parent's id, or {@code null} for an original or an unknown id
   */
  public @Nullable String primaryParentOf(String id) {
    int node = node(id);
    return node < 0 ? null : parents.id(links[primaryLink(node)] >>> REF_SHIFT);
  }

  /** Whether the index holds links for {@code id}, that is, whether it is known to derive from another model. */
  public boolean isDerivative(String id) {
    return node(id) >= 0;
  }

  /**
   * The root of {@code id}'s lineage: primary parents are followed until an id with no known links. An original
   * (or an id the index does not hold) is its own root.
   *
   * <p>At a cycle the walk stops at the last id before one repeats: with {@code A → B → A}, the root of A is B and
   * the root of B is A; a model that names itself is its own root. A walk never loops.
   */
  public String rootOf(String id) {
    int node = node(id);
    return node < 0 ? id : walk(id, node, null);
  }

  /**
   * The id a model's downloads are credited to.
   *
   * <ul>
   *   <li>{@link Attribution#UPLOADER}: the model's own id (its owner uploaded it);
   *   <li>{@link Attribution#PARENT}: its primary parent's id, read from the model itself; its own id if original;
   *   <li>{@link Attribution#ROOT}: the root of its lineage ({@link #rootOf(String)}); when the index does not hold
   *       the model, the walk starts from the model's own links.
   * </ul>
   * Map the id to its owner and then to an origin to count shares.
   */
  public String creditedId(Model model, Attribution attribution) {
    Objects.requireNonNull(attribution, "attribution");
    switch (attribution) {
      case UPLOADER:
        return model.id();
      case PARENT: {
        BaseModel p = PrimaryParent.of(model.baseModels());
        return p == null ? model.id() : p.id();
      }
      case ROOT:
        return rootOfModel(model);
      default:
        throw new AssertionError(attribution);
    }
  }

  private String rootOfModel(Model model) {
    int node = node(model.id());
    if (node >= 0) return walk(model.id(), node, null);
    BaseModel p = PrimaryParent.of(model.baseModels());
    if (p == null || p.id().equals(model.id())) return model.id();
    int parent = node(p.id());
    return parent < 0 ? p.id() : walk(p.id(), parent, model.id());
  }

  /**
   * Follows primary parents from {@code id} (held at {@code node}). {@code outsideStart}, when not null, is a
   * model not in the index that the walk started from: reaching it again is a cycle too.
   */
  private String walk(String id, int node, @Nullable String outsideStart) {
    int[] visited = new int[8];
    Set<Integer> visitedSet = null;
    visited[0] = node;
    int depth = 1;
    int currentRef = -1; // the parent reference naming the current node; -1 while at the start
    while (true) {
      int ref = links[primaryLink(node)] >>> REF_SHIFT;
      int next = parentNode[ref];
      if (outsideStart != null && parents.idEquals(ref, outsideStart)) break;
      if (next < 0) return parents.id(ref);
      boolean seen;
      if (visitedSet != null) {
        seen = !visitedSet.add(next);
      } else {
        seen = contains(visited, depth, next);
        if (!seen) {
          if (depth == visited.length) visited = Arrays.copyOf(visited, depth * 2);
          visited[depth++] = next;
          if (depth > LINEAR_VISITED) {
            visitedSet = new HashSet<>();
            for (int i = 0; i < depth; i++) visitedSet.add(visited[i]);
          }
        }
      }
      if (seen) break;
      node = next;
      currentRef = ref;
    }
    return currentRef < 0 ? id : parents.id(currentRef);
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) return true;
    }
    return false;
  }

  private int primaryLink(int node) {
    for (int l = starts[node]; l < starts[node + 1]; l++) {
      if ((links[l] & PRIMARY_BIT) != 0) return l;
    }
    throw new IllegalStateException("model at " + node + " has no primary link");
  }

  private int node(String id) {
    int i = Arrays.binarySearch(keys, IdHash.of(Objects.requireNonNull(id, "id")));
    return i < 0 ? -1 : i;
  }

  /** How many models the index holds links for (derivatives; originals are not stored). */
  public int size() {
    return keys.length;
  }

  /** How many links the index holds, over all its models. */
  public int linkCount() {
    return links.length;
  }

  /** How many distinct base ids the links name. */
  public int distinctParents() {
    return parents.size();
  }

  /** Heap bytes held by the index's arrays; what a full crawl costs, for capacity planning and tests. */
  long footprintBytes() {
    return Footprint.of(keys) + Footprint.of(starts) + Footprint.of(links) + Footprint.of(parentNode)
        + parents.footprintBytes();
  }

  @Override
  public String toString() {
    return "LineageIndex[" + size() + " derivatives, " + linkCount() + " links, " + distinctParents()
        + " distinct bases]";
  }

  /**
   * Collects links one model at a time and builds a {@link LineageIndex}. It keeps only the links, never the
   * {@link Model}. Not thread-safe. {@link #build()} may be called more than once; adding may go on after it.
   */
  public static final class Builder {
    private long[] hashes = new long[256];
    /** End of model i's links in {@link #links}; the start is the previous model's end. */
    private int[] ends = new int[256];
    private int count;
    private int[] links = new int[256];
    private int linkCount;
    private final ParentPool pool = new ParentPool();

    private Builder() {}

    /** Adds the links of {@code model}; an original adds nothing. */
    public Builder add(Model model) {
      return add(model.id(), model.baseModels());
    }

    /**
     * Adds the links of the model {@code id}, in the model's order; an empty list adds nothing.
     *
     * @throws IllegalStateException past 134 million distinct base ids
     */
    public Builder add(String id, List<BaseModel> bases) {
      Objects.requireNonNull(id, "id");
      if (bases.isEmpty()) return this;
      int primary = PrimaryParent.indexOf(bases);
      if (linkCount + bases.size() > links.length) {
        links = Arrays.copyOf(links, Math.max(links.length * 2, linkCount + bases.size()));
      }
      for (int i = 0; i < bases.size(); i++) {
        BaseModel b = bases.get(i);
        int ref = pool.intern(b.id());
        if (ref >= MAX_PARENTS) throw new IllegalStateException("more than " + MAX_PARENTS + " distinct base ids");
        links[linkCount++] = ref << REF_SHIFT | (i == primary ? PRIMARY_BIT : 0) | b.relation().ordinal();
      }
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      hashes[count] = IdHash.of(id);
      ends[count] = linkCount;
      count++;
      return this;
    }

    /** The index of everything added so far. */
    public LineageIndex build() {
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
        kept += linkEnd(last) - linkStart(last);
        i = j;
      }
      long[] keys = Arrays.copyOf(sorted, unique);
      int[] starts = new int[unique + 1];
      int[] out = new int[kept];
      int at = 0;
      for (int i = 0; i < unique; i++) {
        int from = linkStart(order[i]);
        int n = linkEnd(order[i]) - from;
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
      return new LineageIndex(keys, starts, out, pool.frozen(), parentNode);
    }

    private int linkStart(int model) {
      return model == 0 ? 0 : ends[model - 1];
    }

    private int linkEnd(int model) {
      return ends[model];
    }
  }
}
