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
 * @param items the items of this page, in the hub's order
 * @param nextCursor the opaque cursor of the next page, or {@code null} on the last page
 * @param total how many items the hub says the whole listing holds, or {@code null} when it does not say
 */
public record Page<T>(List<T> items, @Nullable String nextCursor, @Nullable Long total) {
  public Page {
    items = List.copyOf(items);
    if (total != null && total < 0) throw new IllegalArgumentException("total must not be negative: " + total);
  }

  /** A page of a hub that does not say how many items the listing holds. */
  public Page(List<T> items, @Nullable String nextCursor) {
    this(items, nextCursor, null);
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
