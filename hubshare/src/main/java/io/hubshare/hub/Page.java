package io.hubshare.hub;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, and where the next one starts.
 *
 * <p>Pass {@link #nextCursor()} to {@link ModelQuery.Builder#cursor(String)} to continue a listing later, in
 * another process: a crawl that stopped resumes exactly where it was.
 *
 * <p>Some hubs say how many items the whole listing holds ({@link #total()}; ModelScope does, Hugging Face does not),
 * and some serve only the first few thousand of them (ModelScope: 3,000 per query). A listing whose last page comes
 * before {@code total} items were served was cut short by the hub: narrow the query, or crawl the hub, which
 * partitions the listing until no part is cut.
 *
 * <p>Make one with {@link #Page(List, String)}, which is part of the compatible API. The canonical constructor (with
 * the total) is for hubshare's hubs and is not: it gains a parameter whenever a page gains a component.
 *
 * @param items the items of this page, in the hub's order
 * @param nextCursor the opaque cursor of the next page, or {@code null} on the last page
 * @param total how many items the hub says the whole listing holds, or {@code null} when it does not say
 */
public record Page<T>(List<T> items, @Nullable String nextCursor, @Nullable Long total) {
  /** For hubshare's hubs: not part of the compatible API (see the class comment). */
  public Page {
    items = List.copyOf(items);
    if (total != null && total < 0) throw new IllegalArgumentException("total must not be negative: " + total);
  }

  /** A page of a hub that does not say how many items the listing holds. */
  public Page(List<T> items, @Nullable String nextCursor) {
    this(items, nextCursor, null);
  }

  /**
   * How many items the whole listing holds, or {@code fallback} when the hub does not say.
   *
   * @param fallback the value when absent, such as -1
   * @return {@link #total()} unboxed, or {@code fallback}
   */
  public long totalOr(long fallback) {
    return total == null ? fallback : total;
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return nextCursor != null;
  }

  @Override
  public String toString() {
    return "Page[" + items.size() + " items" + (nextCursor == null ? ", last" : ", next=" + nextCursor) + "]";
  }
}
