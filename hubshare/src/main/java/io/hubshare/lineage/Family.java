package io.hubshare.lineage;

import io.hubshare.domain.Relation;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A lineage root and every model of a set that derives from it (through primary parents, see {@link
 * LineageIndex#rootOf(String)}), split between the root's developer's own models (other sizes, instruct from
 * base, official quantizations) and the community's derivatives.
 *
 * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
 * whenever a figure is added.
 *
 * @param root the root's id: as the root model spells it when it was counted, else as the first link named it
 *     (ids are compared ignoring case, and cards do not always spell them as the repository does)
 * @param developer the root's developer key: {@code developerOf} applied to the account that owns the root
 * @param rootPresent whether the root itself was among the models counted; a root outside the set (gated, deleted,
 *     or simply not crawled) still names its family
 * @param own the models whose account maps to the same developer as the root's, the root included
 * @param community every other member
 */
public record Family(String root, String developer, boolean rootPresent, FamilyCounts own, FamilyCounts community) {
  /** Made by hubshare: not part of the compatible API (see the class comment). */
  public Family {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(developer, "developer");
    Objects.requireNonNull(own, "own");
    Objects.requireNonNull(community, "community");
  }

  /** How many models the family holds. */
  public int members() {
    return own.models() + community.models();
  }

  /** Members by relation, own and community together. */
  public Map<Relation, Integer> countsByRelation() {
    return all().byRelation();
  }

  /** Own and community counts together. */
  public FamilyCounts all() {
    return own.plus(community);
  }

  /** The sum of the members' 30-day downloads, over those that reported it; {@code null} when none did. */
  public @Nullable Long downloadsLast30Days() {
    return all().downloadsLast30Days();
  }

  /** The sum of the members' all-time downloads, over those that reported it; {@code null} when none did. */
  public @Nullable Long downloadsAllTime() {
    return all().downloadsAllTime();
  }

  /**
   * {@link #downloadsLast30Days()}, or {@code fallback} when no member reported them.
   *
   * @param fallback the value when absent, such as 0
   * @return the value unboxed, or {@code fallback}
   */
  public long downloadsLast30DaysOr(long fallback) {
    Long v = downloadsLast30Days();
    return v == null ? fallback : v;
  }

  /**
   * {@link #downloadsAllTime()}, or {@code fallback} when no member reported them.
   *
   * @param fallback the value when absent, such as 0
   * @return the value unboxed, or {@code fallback}
   */
  public long downloadsAllTimeOr(long fallback) {
    Long v = downloadsAllTime();
    return v == null ? fallback : v;
  }

  @Override
  public String toString() {
    return "Family[" + root + (rootPresent ? "" : " (absent)") + ", developer " + developer + ", " + members()
        + " members: own " + own.models() + ", community " + community.models() + ", " + countsByRelation() + "]";
  }
}
