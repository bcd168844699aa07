package io.hubshare.hub;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, and where the next one starts.
 *
 * <p>Pass {@link #nextCursor()} to {@link ModelQuery.Builder#cursor(String)} to continue a listing later, in
 * another process: a crawl that stopped resumes exactly where it was.
 *
 * @param items the items of this page, in the hub's order
 * @param nextCursor the opaque cursor of the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
  public Page {
    items = List.copyOf(items);
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
