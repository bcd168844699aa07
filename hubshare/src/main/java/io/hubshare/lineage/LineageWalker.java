package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Walks a model's lineage parent by parent up to its root, looking each base up in a {@link ModelIndex}. Each
 * step follows the {@link PrimaryParent primary parent} and keeps the other bases visible. A walk ends at an
 * original ({@link Lineage.End#ROOT}), at a base that cannot be found ({@link Lineage.End#MISSING}: deleted,
 * private, gated, or absent from an offline index) or where a base repeats ({@link Lineage.End#CYCLE}); it never
 * loops. Thread-safe when its index is.
 *
 * <pre>{@code
 * LineageWalker walker = new LineageWalker(ModelIndex.of(sample));
 * walker.walk("AaryanK/Qwen3.5-9B-GGUF");
 * // → quantized:Qwen/Qwen3.5-9B → finetune:Qwen/Qwen3.5-9B-Base (missing) [MISSING]
 * }</pre>
 */
public final class LineageWalker {
  private final ModelIndex index;

  /** A walker that looks models up in {@code index}. */
  public LineageWalker(ModelIndex index) {
    this.index = Objects.requireNonNull(index, "index");
  }

  /** The lineage of the model {@code id}, which is looked up first: if it cannot be found the walk is MISSING. */
  public Lineage walk(String id) {
    Objects.requireNonNull(id, "id");
    Model start = index.find(id);
    return start == null ? new Lineage(id, List.of(), id, Lineage.End.MISSING) : walk(start);
  }

  /** The lineage of {@code model}, already in hand: only its bases are looked up. */
  public Lineage walk(Model model) {
    Set<String> seen = new HashSet<>();   // lower-cased: the Hub resolves ids ignoring case
    seen.add(key(model.id()));
    List<LineageStep> chain = new ArrayList<>();
    Model current = model;
    while (true) {
      List<BaseModel> bases = current.baseModels();
      BaseModel primary = PrimaryParent.of(bases);
      if (primary == null) return end(model, chain, Lineage.End.ROOT, null);
      List<BaseModel> others = new ArrayList<>(bases);
      others.remove(primary);
      if (seen.contains(key(primary.id()))) return end(model, chain, Lineage.End.CYCLE, primary.id());
      Model parent = index.find(primary.id());
      if (parent == null) {
        chain.add(new LineageStep(primary.id(), primary.relation(), true, others));
        return end(model, chain, Lineage.End.MISSING, null);
      }
      // A renamed base answers with its new id, which may be one the walk already passed.
      if (!seen.add(key(parent.id()))) return end(model, chain, Lineage.End.CYCLE, parent.id());
      seen.add(key(primary.id()));
      chain.add(new LineageStep(parent.id(), primary.relation(), false, others));
      current = parent;
    }
  }

  private static Lineage end(Model model, List<LineageStep> chain, Lineage.End end, @Nullable String repeated) {
    String root = chain.isEmpty() ? model.id() : chain.get(chain.size() - 1).id();
    return new Lineage(model.id(), chain, root, end, repeated);
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "LineageWalker[" + index + "]";
  }
}
