package io.hubshare.lineage;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model's lineage as a {@link LineageWalker} walked it: each base from the model's parent up to the root.
 *
 * <pre>{@code
 * Lineage l = walker.walk("Abiray/10Eros-Max-GGUF");
 * // chain [quantized:TenStrip/10Eros-Max, finetune:MiniMaxAI/MiniMax-H3], root MiniMaxAI/MiniMax-H3, end ROOT
 * }</pre>
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param id the model walked from
 * @param chain the steps, nearest first: the primary parent, its primary parent, and so on; empty for an original
 *     (or a start that could not be found)
 * @param root the furthest ancestor reached: the last step's id, or {@code id} when the chain is empty. At a
 *     missing step it is the missing base's id (still the furthest ancestor known, and it names its owner); at a
 *     cycle it is the last id before the repetition.
 * @param end why the walk stopped
 * @param repeated at a {@link End#CYCLE}, the id the walk met a second time (an id already walked through, or
 *     {@code id} itself for a model that names itself); otherwise {@code null}
 */
public record Lineage(String id, List<LineageStep> chain, String root, End end, @Nullable String repeated) {

  /** Why a walk stopped. */
  public enum End {
    /** The root has no base: the lineage is complete. */
    ROOT,
    /** The last step, or the model itself when the chain is empty, could not be found. */
    MISSING,
    /** The next base was one the walk had already passed ({@link Lineage#repeated()}). */
    CYCLE
  }

  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public Lineage {
    Objects.requireNonNull(id, "id");
    chain = List.copyOf(chain);
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(end, "end");
    if ((end == End.CYCLE) != (repeated != null)) {
      throw new IllegalArgumentException("a repeated id goes with a CYCLE end, and only with it: " + end);
    }
    String expectedRoot = chain.isEmpty() ? id : chain.get(chain.size() - 1).id();
    if (!root.equals(expectedRoot)) {
      throw new IllegalArgumentException("root " + root + " is not the end of the chain, " + expectedRoot);
    }
  }

  /** A lineage that did not end in a cycle. */
  public Lineage(String id, List<LineageStep> chain, String root, End end) {
    this(id, chain, root, end, null);
  }

  /** How many steps lie between the model and its root: 0 for an original. */
  public int depth() {
    return chain.size();
  }

  /** The primary parent's id, or the model's own id for an original (an original is its own parent). */
  public String parent() {
    return chain.isEmpty() ? id : chain.get(0).id();
  }

  /**
   * The id credited under {@code attribution}: the model ({@link Attribution#UPLOADER}), its primary parent
   * ({@link Attribution#PARENT}) or its root ({@link Attribution#ROOT}). Agrees with
   * {@link LineageIndex#creditedId} on the same links.
   */
  public String creditedId(Attribution attribution) {
    switch (Objects.requireNonNull(attribution, "attribution")) {
      case UPLOADER: return id;
      case PARENT: return parent();
      case ROOT: return root;
      default: throw new AssertionError(attribution);
    }
  }

  /** {@code a/x → quantized:b/y → finetune:c/z [ROOT]}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(id);
    for (LineageStep s : chain) b.append(" → ").append(s);
    b.append(" [").append(end);
    if (repeated != null) b.append(" at ").append(repeated);
    return b.append(']').toString();
  }
}
