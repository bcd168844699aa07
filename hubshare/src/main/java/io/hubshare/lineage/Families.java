package io.hubshare.lineage;

import io.hubshare.domain.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The families of a set of models: each model counted once, in the family of its lineage root, as its root's
 * developer's own or as the community's. Computed from the set alone (through a {@link LineageIndex}), with no
 * request per model. Immutable.
 *
 * <pre>{@code
 * Families families = Families.of(models, registry::developerKey);
 * Family qwen = families.get("Qwen/Qwen3.8-27B");
 * qwen.own().count(Relation.QUANTIZED);          // Qwen's official quantizations
 * qwen.community().count(Relation.QUANTIZED);    // everyone else's
 * families.largest(10);
 * }</pre>
 *
 * <p>"Same developer" is decided by {@code developerOf}, from the account that owns a model (the owner part of
 * its id; a bare legacy id such as {@code gpt2} stands for itself) to a developer key: an origin registry maps
 * {@code Qwen} and {@code Alibaba-NLP} to one organisation; the identity function treats each account as its own
 * developer. The function must return a non-null key; a null is read as the account itself. Ids, accounts and
 * developer keys are compared ignoring case, as the Hub compares ids.
 */
public final class Families {
  private final LineageIndex lineage;
  /** By the root's lower-cased id: the Hub resolves ids ignoring case, and links spell them both ways. */
  private final Map<String, FamilyTally> byRoot;

  private Families(LineageIndex lineage, Map<String, FamilyTally> byRoot) {
    this.lineage = lineage;
    this.byRoot = byRoot;
  }

  /** The families of {@code models}, each account its own developer. Reads {@code models} twice. */
  public static Families of(Iterable<? extends Model> models) {
    return of(models, Function.identity());
  }

  /** The families of {@code models}, with developers from {@code developerOf}. Reads {@code models} twice. */
  public static Families of(Iterable<? extends Model> models, Function<String, String> developerOf) {
    return of(models, LineageIndex.of(models), developerOf);
  }

  /**
   * The families of {@code models}, walking their lineage in {@code lineage} (which may hold more models than
   * the set: a full crawl, when only a window of it is counted). Reads {@code models} once.
   */
  public static Families of(
      Iterable<? extends Model> models, LineageIndex lineage, Function<String, String> developerOf) {
    Builder b = builder(lineage, developerOf);
    for (Model m : models) b.add(m);
    return b.build();
  }

  /** A builder to count models one at a time, their lineage read from {@code lineage}. */
  public static Builder builder(LineageIndex lineage, Function<String, String> developerOf) {
    return new Builder(lineage, developerOf);
  }

  /** The family rooted at {@code root} (case ignored), or {@code null} if no model counted belongs to it. */
  public @Nullable Family get(String root) {
    FamilyTally t = byRoot.get(key(Objects.requireNonNull(root, "root")));
    return t == null ? null : t.toFamily();
  }

  /** The root of the family {@code modelId} belongs to (the model's own id for an original). */
  public String familyOf(String modelId) {
    return lineage.rootOf(modelId);
  }

  /** Every family, the largest (most members) first, ties by root id. */
  public List<Family> all() {
    return largest(byRoot.size());
  }

  /** The {@code n} families with the most members, largest first, ties by root id. */
  public List<Family> largest(int n) {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0, was " + n);
    List<Map.Entry<String, FamilyTally>> entries = new ArrayList<>(byRoot.entrySet());
    entries.sort(Comparator.comparingInt((Map.Entry<String, FamilyTally> e) -> -e.getValue().members())
        .thenComparing(Map.Entry::getKey));
    List<Family> out = new ArrayList<>(Math.min(n, entries.size()));
    for (Map.Entry<String, FamilyTally> e : entries.subList(0, Math.min(n, entries.size()))) {
      out.add(e.getValue().toFamily());
    }
    return out;
  }

  /** How many families: distinct roots among the models counted. */
  public int size() {
    return byRoot.size();
  }

  /** The lineage the families were computed with. */
  public LineageIndex lineage() {
    return lineage;
  }

  @Override
  public String toString() {
    return "Families[" + byRoot.size() + " families]";
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /**
   * Counts models one at a time into their families. Not thread-safe; count each model once. {@link #build()}
   * hands the counts over without copying them (a full crawl's families are many), so it ends the builder.
   */
  public static final class Builder {
    private final LineageIndex lineage;
    private final Function<String, String> developerOf;
    private final Map<String, String> developers = new HashMap<>();
    private @Nullable Map<String, FamilyTally> byRoot = new HashMap<>();

    private Builder(LineageIndex lineage, Function<String, String> developerOf) {
      this.lineage = Objects.requireNonNull(lineage, "lineage");
      this.developerOf = Objects.requireNonNull(developerOf, "developerOf");
    }

    /** Counts {@code model} in the family of its root. */
    public Builder add(Model model) {
      Map<String, FamilyTally> byRoot = open();
      String root = lineage.creditedId(model, Attribution.ROOT);
      FamilyTally t = byRoot.computeIfAbsent(key(root), k -> new FamilyTally(root, developer(root)));
      boolean isRoot = root.equalsIgnoreCase(model.id());
      if (isRoot) {
        t.rootPresent = true;
        t.root = model.id();
        t.developer = developer(model.id());
      }
      t.add(model, isRoot || t.developer.equalsIgnoreCase(developer(model.id())));
      return this;
    }

    /**
     * The families counted.
     *
     * @throws IllegalStateException if called twice
     */
    public Families build() {
      Families families = new Families(lineage, open());
      byRoot = null;
      return families;
    }

    private Map<String, FamilyTally> open() {
      Map<String, FamilyTally> m = byRoot;
      if (m == null) throw new IllegalStateException("build() was called: this builder is done");
      return m;
    }

    private String developer(String id) {
      int slash = id.indexOf('/');
      String account = slash < 0 ? id : id.substring(0, slash);
      return developers.computeIfAbsent(account, a -> {
        String key = developerOf.apply(a);
        return key == null ? a : key;
      });
    }
  }
}
