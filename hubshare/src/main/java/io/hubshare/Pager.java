package io.hubshare;

import io.hubshare.hub.Page;
import io.hubshare.hub.PagedIterable;

import io.hubshare.error.MalformedResponseException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A listing that follows a hub's next pages (a {@code Link} header, a page number: the hub's protocol says), lazily: nothing is fetched until
 * iteration starts, and a page is fetched only when the one before it is used up.
 *
 * <p><b>Cursors.</b> A page's {@link Page#nextCursor()} is what the hub's protocol hands out for the next page (on
 * Hugging Face the {@code cursor} parameter of its next link, or the whole next URL).
 *
 * <p><b>Limit.</b> With a limit, iteration stops once that many items were yielded in all, and the page after
 * which the limit is reached is the last one fetched. {@link #pages()} yields that page with only the items within
 * the limit. If the limit cut the page short, its {@code nextCursor()} is {@code null}, because no cursor resumes
 * in the middle of a page; if the limit fell exactly on the page's end, the page keeps its real cursor, so a crawl
 * run in batches ({@code limit} a multiple of {@code pageSize}) resumes where the last batch stopped.
 *
 * @param <T> the item type
 */
final class Pager<T> implements PagedIterable<T> {

  /**
   * One fetched page.
   *
   * @param items the page's items
   * @param next the absolute URL of the next page (already re-based onto the endpoint), or {@code null} on the last
   * @param cursor what resumes the listing at {@code next}, as the hub's protocol spells it
   */
  record Fetched<T>(List<T> items, @Nullable HttpUrl next, @Nullable String cursor) {
    Fetched {
      items = List.copyOf(items);
    }
  }

  /** Fetches one page; throws a {@link io.hubshare.error.HubException} on failure. */
  @FunctionalInterface
  interface Fetcher<T> {
    Fetched<T> fetch(HttpUrl url);
  }

  private final HttpUrl first;
  private final @Nullable Long limit;
  private final Fetcher<T> fetcher;

  /**
   * @param first the URL of the first page
   * @param limit the most items to yield in all, or {@code null}
   */
  Pager(HttpUrl first, @Nullable Long limit, Fetcher<T> fetcher) {
    this.first = Objects.requireNonNull(first, "first");
    this.limit = limit;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  @Override
  public Iterable<Page<T>> pages() {
    return PageIterator::new;
  }

  @Override
  public Iterator<T> iterator() {
    return new ItemIterator();
  }

  @Override
  public String toString() {
    return "PagedIterable[" + first + (limit == null ? "" : ", limit " + limit) + "]";
  }

  private final class PageIterator implements Iterator<Page<T>> {
    private @Nullable HttpUrl nextUrl = first;
    private long yielded;

    @Override
    public boolean hasNext() {
      return nextUrl != null && (limit == null || yielded < limit);
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) throw new NoSuchElementException("no more pages");
      HttpUrl url = nextUrl;
      Fetched<T> fetched = fetcher.fetch(url);
      if (url.equals(fetched.next())) {
        // Following it would loop forever on the same page.
        throw new MalformedResponseException("the next link of a page points back to the same page", 200, null,
            null, url.toString(), null);
      }
      List<T> items = fetched.items();
      String cursor = fetched.cursor();
      nextUrl = fetched.next();
      if (limit != null && yielded + items.size() >= limit) {
        int keep = (int) (limit - yielded);
        if (keep < items.size()) {
          items = items.subList(0, keep);
          cursor = null;
        }
        nextUrl = null;
      }
      yielded += items.size();
      return new Page<>(items, cursor);
    }
  }

  private final class ItemIterator implements Iterator<T> {
    private final PageIterator pages = new PageIterator();
    private Iterator<T> current = List.<T>of().iterator();

    @Override
    public boolean hasNext() {
      // An empty page with a next link is skipped, not taken for the end.
      while (!current.hasNext() && pages.hasNext()) current = pages.next().items().iterator();
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException("no more items");
      return current.next();
    }
  }
}
