package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import io.hubshare.internal.protocol.FieldListing;
import io.hubshare.internal.protocol.StoredFields;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Shares over a live listing without a {@link io.hubshare.domain.Model} per listed item: a listing made by the
 * library ({@code hub.models().list(query)}) reads each page with its hub's field reader, only the fields the
 * computation needs ({@link FastPath#request}), and requests the next page as soon as the current one's headers
 * name it, one page ahead. The totals are those of the full path, by construction (the same fields feed the same
 * accumulator, each repository once as the listing's iterator yields it) and by test ({@code LivePathIdentityTest}).
 * What the field reader cannot serve (a predicate, another dimension or metric) goes the full way, as for snapshots;
 * so does a listing of another kind, or one whose client caches list pages.
 */
final class LivePath {
  private LivePath() {}

  /**
   * The shares over {@code models} by the fast path, or {@code null} (nothing read) when the computation or the
   * listing needs the full path.
   *
   * @param progress told how many models were read after each page
   */
  static @Nullable ShareTable compute(Shares shares, Iterable<?> models, LongConsumer progress) {
    if (!(models instanceof FieldListing listing)) return null;
    StoredFields.Request request = FastPath.request(shares);
    if (request == null) return null;
    ShareAccumulator acc = shares.accumulator();
    ModelFilter filter = shares.filter();
    Hub hub = listing.hub();
    AccountRefs accounts = new AccountRefs();
    boolean read = listing.readFields(request, new FieldListing.Sink() {
      @Override
      public void model(StoredFields f) {
        f.accountRef = accounts.of(f.account);
        acc.add(f, hub, filter.test(f));
      }

      @Override
      public void page(long modelsSoFar) {
        progress.accept(modelsSoFar);
      }
    });
    return read ? acc.result() : null;
  }

  /**
   * Numbers each account as spelt, from 0, so that the accumulator looks each one's group up once
   * ({@link StoredFields#accountRef}).
   */
  private static final class AccountRefs {
    private final Map<String, Integer> refs = new HashMap<>();

    int of(@Nullable String account) {
      if (account == null) return -1;
      Integer ref = refs.get(account);
      if (ref == null) {
        ref = refs.size();
        refs.put(account, ref);
      }
      return ref;
    }
  }
}
