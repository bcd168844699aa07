package io.hubshare;

import io.hubshare.hub.Page;
import io.hubshare.hub.PagedIterable;

import io.hubshare.error.MalformedResponseException;
import io.hubshare.internal.protocol.LongHashSet;
import io.hubshare.internal.protocol.RepoIdHash;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
 * <p><b>Cycles.</b> A hub whose cursor leads back to a page already read (A → B → A …), or that hands out fresh
 * cursors over pages that bring nothing new, would be paged forever. A next link that repeats one already followed,
 * or {@value #MAX_STALE_PAGES} pages in a row without an id not seen before (empty pages included), fail with
 * {@link MalformedResponseException}. The ids seen are kept as 64-bit hashes, ignoring case as the Hub does: 16 to
 * 32 bytes per model listed.
 *
 * <p><b>Each model once.</b> {@link #pages()} yields the pages as the hub sent them; iterating the items (or
 * {@link #stream()}) yields each id once, the first time it is listed, ids compared ignoring case: a listing that
 * shifts while it is read lists some models twice.
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
   * @param total how many items the hub says the listing holds, or {@code null}
   */
  record Fetched<T>(List<T> items, @Nullable HttpUrl next, @Nullable String cursor, @Nullable Long total) {
    Fetched {
      items = List.copyOf(items);
    }

    Fetched(List<T> items, @Nullable HttpUrl next, @Nullable String cursor) {
      this(items, next, cursor, null);
    }
  }

  /** Fetches one page; throws a {@link io.hubshare.error.HubException} on failure. */
  @FunctionalInterface
  interface Fetcher<T> {
    Fetched<T> fetch(HttpUrl url);
  }

  /** How many pages in a row may bring no new id before the listing is taken for a cycle. */
  static final int MAX_STALE_PAGES = 10;

  private final HttpUrl first;
  private final @Nullable Long limit;
  private final Fetcher<T> fetcher;
  private final Function<? super T, String> idOf;
  private final UnaryOperator<RuntimeException> exit;

  /**
   * @param first the URL of the first page
   * @param limit the most items to yield in all, or {@code null}
   * @param idOf an item's id, compared ignoring case
   * @param exit applied to whatever a page's fetch throws (it masks the token in URLs the hub wrote)
   */
  Pager(HttpUrl first, @Nullable Long limit, Fetcher<T> fetcher, Function<? super T, String> idOf,
      UnaryOperator<RuntimeException> exit) {
    this.first = Objects.requireNonNull(first, "first");
    this.limit = limit;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.idOf = Objects.requireNonNull(idOf, "idOf");
    this.exit = Objects.requireNonNull(exit, "exit");
  }

  /** Items whose {@code toString()} is their id. */
  Pager(HttpUrl first, @Nullable Long limit, Fetcher<T> fetcher) {
    this(first, limit, fetcher, String::valueOf, e -> e);
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
    private final LongHashSet visited = new LongHashSet();
    private final LongHashSet seen = new LongHashSet();
    private int stale;
    private long pages;
    /** The items of the last page not listed before. */
    private List<T> fresh = List.of();

    PageIterator() {
      visited.add(RepoIdHash.exact(first.toString()));
    }

    @Override
    public boolean hasNext() {
      return nextUrl != null && (limit == null || yielded < limit);
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) throw new NoSuchElementException("no more pages");
      try {
        return fetchNext();
      } catch (RuntimeException e) {
        throw exit.apply(e);
      }
    }

    private Page<T> fetchNext() {
      HttpUrl url = nextUrl;
      Fetched<T> fetched = fetcher.fetch(url);
      pages++;
      if (url.equals(fetched.next())) {
        // Following it would loop forever on the same page.
        throw new MalformedResponseException("the next link of a page points back to the same page: the listing "
            + "cycles", 200, null, null, url.toString(), null);
      }
      if (fetched.next() != null && !visited.add(RepoIdHash.exact(fetched.next().toString()))) {
        throw new MalformedResponseException("the next link of page " + pages + " leads back to a page already "
            + "read: the listing cycles, and following it would never end", 200, null, null, url.toString(), null);
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
      List<T> news = new ArrayList<>(items.size());
      for (T item : items) {
        if (seen.add(RepoIdHash.of(idOf.apply(item)))) news.add(item);
      }
      fresh = news;
      stale = news.isEmpty() ? stale + 1 : 0;
      if (stale >= MAX_STALE_PAGES && nextUrl != null) {
        throw new MalformedResponseException(MAX_STALE_PAGES + " pages in a row brought no new model (page " + pages
            + " and the " + (MAX_STALE_PAGES - 1) + " before it): the listing cycles through fresh cursors, and "
            + "following it would never end", 200, null, null, url.toString(), null);
      }
      yielded += items.size();
      return new Page<>(items, cursor, fetched.total());
    }
  }

  private final class ItemIterator implements Iterator<T> {
    private final PageIterator pages = new PageIterator();
    private Iterator<T> current = List.<T>of().iterator();

    @Override
    public boolean hasNext() {
      // An empty page with a next link is skipped, not taken for the end; an item listed before is skipped too.
      while (!current.hasNext() && pages.hasNext()) {
        pages.next();
        current = pages.fresh.iterator();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException("no more items");
      return current.next();
    }
  }
}
