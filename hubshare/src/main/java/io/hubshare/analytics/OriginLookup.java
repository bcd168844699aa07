package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import io.hubshare.origin.Origin;
import io.hubshare.origin.OriginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a credited account becomes an origin. A model credited to itself is looked up on its own hub. A model
 * credited to its base or root names that base by id alone, and a base may live on either hub (a ModelScope copy
 * of a {@code meta-llama/…} model names the Hugging Face original): it is looked up on the model's hub first, then
 * on the others, and stays unknown if none knows it.
 */
@FunctionalInterface
interface OriginLookup {

  /**
   * @param hub the hub of the model being counted, or {@code null} when no single model is (a root resolved for
   *     many)
   * @param self whether the credited model is the counted model itself
   * @return the origin, or {@code null} or an unknown origin when none is known
   */
  @Nullable Origin find(@Nullable Hub hub, String account, boolean self);

  /** A registry's lookup, hub by hub as described above. */
  static OriginLookup of(OriginRegistry registry) {
    List<Hub> hubs = registry.hubs();
    return (hub, account, self) -> {
      if (hub != null) {
        Origin own = registry.find(hub, account);
        if (own != null || self) return own;
      }
      List<Hub> others = new ArrayList<>(hubs);
      if (hub != null) others.remove(hub);
      for (Hub other : others) {
        Origin o = registry.find(other, account);
        if (o != null) return o;
      }
      return null;
    };
  }

  /** A caller's function of the account alone: the same answer on every hub. */
  static OriginLookup of(Function<? super String, Origin> byAccount) {
    return (hub, account, self) -> byAccount.apply(account);
  }
}
