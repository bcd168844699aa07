package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
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
 * <pre>{@code
 * LineageIndex.Builder b = LineageIndex.builder();
 * for (Model m : hub.models().list(query)) b.add(m);        // keeps the links, not the models
 * LineageIndex lineage = b.build();
 * lineage.rootOf("Abiray/10Eros-Max-GGUF");                  // "MiniMaxAI/MiniMax-H3"
 * lineage.creditedId(model, Attribution.PARENT);
 * }</pre>
 *
 * <p><b>What is stored.</b> Only models with links: an id without links is an original, or a model the index never
 * saw, and both are their own root. A model's id is kept as a 64-bit hash (ignoring case), its link as one
 * int (a model with several bases points to a list of them instead); each distinct base id is kept once, as UTF-8
 * bytes. With the Hub's typical mix (one link per derivative, bases shared by many) that is 8 + 4 bytes per
 * derivative plus each distinct base id once: about 23 bytes per link on a million derivatives, against about 250
 * for a map of strings. The arrays are chunked, so none needs a large contiguous block of heap, and
 * {@link Builder#build()} sorts the builder's arrays in place and hands them over: building needs little beyond
 * the index itself.
 *
 * <p><b>Walking.</b> {@link #rootOf(String)} follows {@link PrimaryParent primary parents}: the base with the
 * smallest id, whatever order the links came in. It stops at an id with no known links (an original, or a base
 * the index never saw: its id is still the furthest ancestor known, and names its owner) or at a cycle. For a
 * walk that reports each step and tells a missing parent from an original, use {@link LineageWalker}.
 *
 * <p><b>Ids</b> are compared ignoring case, as the Hub resolves them (a card naming {@code google/gemma-4-e4b-it}
 * means {@code google/gemma-4-E4B-it}); ids are returned as the links spell them. If a model is added twice with
 * links, the later links replace the earlier.
 */
public final class LineageIndex {
  /** Above this depth, cycle checks switch from a linear scan to a hash set. */
  private static final int LINEAR_VISITED = 32;

  private final LinkTable table;

  private LineageIndex(LinkTable table) {
    this.table = table;
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
    int node = table.node(id);
    return node < 0 ? List.of() : table.bases(node);
  }

  /**
   * The base a walk from {@code id} follows, by the {@link PrimaryParent} rule, with its relation.
   *
   * @return the primary base, or {@code null} for an original or an unknown id
   */
  public @Nullable BaseModel primaryBaseOf(String id) {
    int node = table.node(id);
    return node < 0 ? null : table.primaryBase(node);
  }

  /**
   * The id of the base a walk from {@code id} follows, by the {@link PrimaryParent} rule.
   *
   * @return the primary parent's id, or {@code null} for an original or an unknown id
   */
  public @Nullable String primaryParentOf(String id) {
    int node = table.node(id);
    return node < 0 ? null : table.id(table.primaryRef(node));
  }

  /**
   * The base id a {@link Builder#addAndGetPrimaryRef(Model) reference} stands for, spelled as the links spell it.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= ref < distinctParents()}
   */
  public String baseId(int ref) {
    return table.id(Objects.checkIndex(ref, table.distinctParents()));
  }

  /**
   * The root of the lineage of the base a {@link Builder#addAndGetPrimaryRef(Model) reference} stands for: the
   * same as {@code rootOf(baseId(ref))}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= ref < distinctParents()}
   */
  public String rootOfBase(int ref) {
    return rootOf(baseId(ref));
  }

  /** Whether the index holds links for {@code id}, that is, whether it is known to derive from another model. */
  public boolean isDerivative(String id) {
    return table.node(id) >= 0;
  }

  /**
   * The root of {@code id}'s lineage: primary parents are followed until an id with no known links. An original
   * (or an id the index does not hold) is its own root.
   *
   * <p>At a cycle the walk stops at the last id before one repeats: with {@code A → B → A}, the root of A is B and
   * the root of B is A; a model that names itself is its own root. A walk never loops.
   */
  public String rootOf(String id) {
    int node = table.node(id);
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
    switch (Objects.requireNonNull(attribution, "attribution")) {
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
    int node = table.node(model.id());
    if (node >= 0) return walk(model.id(), node, null);
    BaseModel p = PrimaryParent.of(model.baseModels());
    if (p == null || p.id().equalsIgnoreCase(model.id())) return model.id();
    int parent = table.node(p.id());
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
    int currentRef = -1; // the pool reference naming the current node; -1 while at the start
    while (true) {
      int ref = table.primaryRef(node);
      if (outsideStart != null && table.idEqualsIgnoreCase(ref, outsideStart)) break;
      int next = table.nodeOfRef(ref);
      if (next < 0) return table.id(ref);
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
    return currentRef < 0 ? id : table.id(currentRef);
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) return true;
    }
    return false;
  }

  /** How many models the index holds links for (derivatives; originals are not stored). */
  public int size() {
    return table.models();
  }

  /** How many links the index holds, over all its models. */
  public int linkCount() {
    return table.links();
  }

  /** How many distinct base ids the links name. */
  public int distinctParents() {
    return table.distinctParents();
  }

  /** Heap bytes held by the index's arrays; what a full crawl costs, for capacity planning and tests. */
  long footprintBytes() {
    return table.footprintBytes();
  }

  @Override
  public String toString() {
    return "LineageIndex[" + size() + " derivatives, " + linkCount() + " links, " + distinctParents()
        + " distinct bases]";
  }

  /**
   * Collects links one model at a time and builds a {@link LineageIndex}. It keeps only the links, never the
   * {@link Model}. Not thread-safe. {@link #build()} may be called more than once; adding may go on after it.
   * Building hands the builder's arrays over to the index instead of copying them, so the peak of a build is the
   * index itself; adding after a build first copies them back.
   */
  public static final class Builder {
    private final LinkCollector links = new LinkCollector();

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
      addAndGetPrimaryRef(id, bases);
      return this;
    }

    /**
     * Adds the links of {@code model}, as {@link #add(Model)} does, and returns the reference of its
     * {@link PrimaryParent primary} base. The builder numbers the distinct base ids it meets 0, 1, 2… in order of
     * first appearance (two spellings of one id get two numbers), and the numbers hold in every index it builds:
     * {@link LineageIndex#baseId(int)} names one, {@link LineageIndex#rootOfBase(int)} walks from it. A caller
     * can thus keep a value per base in a primitive array indexed by the reference, instead of a map keyed by id:
     *
     * <pre>{@code
     * int[] children = new int[1024];                 // per primary parent: how many models derive from it
     * for (Model m : models) {
     *   int ref = builder.addAndGetPrimaryRef(m);       // -1 for an original
     *   if (ref >= children.length) children = Arrays.copyOf(children, 2 * ref + 1);
     *   if (ref >= 0) children[ref]++;
     * }
     * LineageIndex index = builder.build();
     * for (int ref = 0; ref < index.distinctParents(); ref++) credit(index.rootOfBase(ref), children[ref]);
     * }</pre>
     * @return the primary base's reference, or -1 for an original (which adds nothing)
     * @throws IllegalStateException past 134 million distinct base ids
     */
    public int addAndGetPrimaryRef(Model model) {
      return addAndGetPrimaryRef(model.id(), model.baseModels());
    }

    /**
     * As {@link #addAndGetPrimaryRef(Model)}, for the model {@code id} with these bases, in the model's order.
     *
     * @throws IllegalStateException past 134 million distinct base ids
     */
    public int addAndGetPrimaryRef(String id, List<BaseModel> bases) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(bases, "bases");
      return links.add(id, bases);
    }

    /** The index of everything added so far. */
    public LineageIndex build() {
      return new LineageIndex(links.table());
    }
  }
}
