package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import io.hubshare.origin.Origin;
import io.hubshare.origin.OriginRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a credited account becomes an origin. A model credited to itself is looked up on its own hub only. A model
 * credited to its base or root names that base by id alone, and in a population that spans hubs the base may live on
 * any of them (a ModelScope copy of a {@code meta-llama/…} model names the Hugging Face original): it is looked up
 * on the model's hub first, then on the population's other hubs, and stays unknown if none knows it. A hub the
 * population does not include is never consulted, so a Hugging Face share is never changed by ModelScope's rows.
 */
@FunctionalInterface
interface OriginLookup {

  /**
   * @param hub the hub of the model being counted, or {@code null} when no single model is (a root resolved for
   *     many at the end)
   * @param self whether the credited model is the counted model itself
   * @param population the hubs of the models being counted
   * @return the origin, or {@code null} or an unknown origin when none is known
   */
  @Nullable Origin find(@Nullable Hub hub, String account, boolean self, Collection<Hub> population);

  /** A registry's lookup, hub by hub as described above. */
  static OriginLookup of(OriginRegistry registry) {
    return (hub, account, self, population) -> {
      if (hub != null) {
        Origin own = registry.find(hub, account);
        if (own != null || self) return own;
      }
      for (Hub other : inOrder(population)) {
        if (other.equals(hub)) continue;
        Origin o = registry.find(other, account);
        if (o != null) return o;
      }
      return null;
    };
  }

  /** A caller's function of the account alone: the same answer on every hub. */
  static OriginLookup of(Function<? super String, Origin> byAccount) {
    return (hub, account, self, population) -> byAccount.apply(account);
  }

  /** Hugging Face first (where most originals are published), then by name: the same order whatever was read first. */
  private static List<Hub> inOrder(Collection<Hub> hubs) {
    List<Hub> sorted = new ArrayList<>(hubs);
    sorted.sort(Comparator.comparing((Hub h) -> !h.equals(Hub.HUGGING_FACE)).thenComparing(Hub::name));
    return sorted;
  }
}
