package io.hubshare;

import io.hubshare.hub.Page;
import io.hubshare.hub.PagedIterable;

import io.hubshare.error.MalformedResponseException;
import io.hubshare.hub.ModelQuery;
import io.hubshare.internal.protocol.FieldPage;
import io.hubshare.internal.protocol.LongHashSet;
import io.hubshare.internal.protocol.RepoIdHash;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
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
 * <p><b>Read-ahead.</b> The iterators are lazy, as above. {@link #readAll} is for the library's own use, where it
 * reads a listing whole (a share computation): there the next page is requested as soon as the current one's
 * headers name it, while its body is read and parsed, one page ahead at most, under the same rules (cycles, limit,
 * each id once). A request read ahead that turns out not to be needed (the listing failed, the page's final next
 * link differed, the limit was reached) is cancelled: not sent if it was still waiting, its answer dropped if it was
 * already on its way.
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

  /**
   * Fetches one page, telling {@code listener} the next page's URL ({@code null} on the last page) as soon as the
   * response's headers name it, before the body is read (possibly more than once, or never: then the page's own
   * {@link Fetched#next()} is awaited), and how to cancel each attempt. Called on a thread of the read-ahead.
   */
  @FunctionalInterface
  interface EarlyFetcher<T> {
    Fetched<T> fetch(HttpUrl url, FieldPage.Listener listener);
  }

  /** How many pages in a row may bring no new id before the listing is taken for a cycle. */
  static final int MAX_STALE_PAGES = 10;

  private final HttpUrl first;
  private final @Nullable Long limit;
  private final EarlyFetcher<T> fetcher;
  private final ToLongFunction<? super T> keyOf;
  private final UnaryOperator<RuntimeException> exit;

  /**
   * @param first the URL of the first page
   * @param limit the most items to yield in all, or {@code null}
   * @param idOf an item's id, compared ignoring case
   * @param exit applied to whatever a page's fetch throws (it masks the token in URLs the hub wrote)
   */
  Pager(HttpUrl first, @Nullable Long limit, Fetcher<T> fetcher, Function<? super T, String> idOf,
      UnaryOperator<RuntimeException> exit) {
    this(first, limit, fetcherOf(fetcher), keyOf(idOf), exit);
  }

  /**
   * @param keyOf an item's id as {@link RepoIdHash#of} or {@link RepoIdHash#quick} hashes it: ignoring case
   */
  Pager(HttpUrl first, @Nullable Long limit, EarlyFetcher<T> fetcher, ToLongFunction<? super T> keyOf,
      UnaryOperator<RuntimeException> exit) {
    this.first = Objects.requireNonNull(first, "first");
    this.limit = limit;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    this.exit = Objects.requireNonNull(exit, "exit");
  }

  private static <T> EarlyFetcher<T> fetcherOf(Fetcher<T> fetcher) {
    Objects.requireNonNull(fetcher, "fetcher");
    return (url, listener) -> fetcher.fetch(url);
  }

  private static <T> ToLongFunction<T> keyOf(Function<? super T, String> idOf) {
    Objects.requireNonNull(idOf, "idOf");
    return item -> RepoIdHash.of(idOf.apply(item));
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

  /**
   * Reads the whole listing reading ahead (see the class comment), handing each page's items not listed before to
   * {@code page}, in order, on this thread. When it returns or throws, the request in flight, if any, is cancelled
   * and the read-ahead's threads are told to stop (they end as soon as the cancelled call gives way).
   *
   * @throws RuntimeException what a page's fetch or the listing's checks throw, through {@code exit}
   */
  void readAll(Consumer<List<T>> page) {
    try (PageIterator it = new PageIterator(true)) {
      while (it.hasNext()) {
        it.next();
        page.accept(it.fresh);
      }
    }
  }

  @Override
  public String toString() {
    return "PagedIterable[" + first + (limit == null ? "" : ", limit " + limit) + "]";
  }

  private final class PageIterator implements Iterator<Page<T>>, AutoCloseable {
    private @Nullable HttpUrl nextUrl = first;
    private long yielded;
    private final LongHashSet visited = new LongHashSet();
    private final LongHashSet seen;
    private int stale;
    private long pages;
    /** The items of the last page not listed before. */
    private List<T> fresh = List.of();
    /** The threads that fetch, when reading ahead; {@code null} for the lazy iterators. */
    private final @Nullable ExecutorService fetching;
    /** The page requested ahead, if any. */
    private @Nullable InFlight ahead;
    /** The most items a page has held so far. */
    private int largestPage;

    PageIterator() {
      this(false);
    }

    PageIterator(boolean readAhead) {
      visited.add(RepoIdHash.exact(first.toString()));
      // A listing read whole is long: room for 64 k ids (1 MiB) from the start saves the first six doublings.
      seen = readAhead ? new LongHashSet(1 << 16) : new LongHashSet();
      // Two threads: one reads a page's body while the other sends the request for the next.
      fetching = readAhead ? Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "hubshare-read-ahead");
        t.setDaemon(true);
        return t;
      }) : null;
    }

    @Override
    public void close() {
      cancelAhead();
      if (fetching != null) fetching.shutdownNow();
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
      Fetched<T> fetched;
      try {
        fetched = fetching == null ? fetcher.fetch(url, next -> {}) : fetchReadingAhead(url);
        return take(url, fetched);
      } catch (RuntimeException e) {
        cancelAhead();
        throw e;
      }
    }

    /**
     * The page at {@code url}, from the request read ahead if it was for this URL; the request for the page after it
     * leaves as soon as this one's headers name it, unless the listing's rules would not follow it.
     */
    private Fetched<T> fetchReadingAhead(HttpUrl url) {
      InFlight current = ahead != null && ahead.url.equals(url) ? ahead : null;
      if (current == null) {
        cancelAhead();
        current = new InFlight(url);
      }
      ahead = null;
      HttpUrl early = current.awaitNext();
      if (early != null && wouldFollow(url, early)) ahead = new InFlight(early);
      return current.await();
    }

    /**
     * Whether the listing would fetch {@code next} after the page at {@code url}, as far as can be told before that
     * page is read: not the same page or one read before, and, under a limit, only when the limit cannot be reached
     * within the page (which holds at most {@link ModelQuery#MAX_PAGE_SIZE} items, or as many as the largest so far).
     */
    private boolean wouldFollow(HttpUrl url, HttpUrl next) {
      if (next.equals(url) || visited.contains(RepoIdHash.exact(next.toString()))) return false;
      return limit == null || yielded + Math.max(ModelQuery.MAX_PAGE_SIZE, largestPage) < limit;
    }

    private void cancelAhead() {
      InFlight a = ahead;
      ahead = null;
      if (a != null) a.cancel();
    }

    /** The listing's rules over a fetched page: cycles, the limit, each id once. */
    private Page<T> take(HttpUrl url, Fetched<T> fetched) {
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
      if (ahead != null && !ahead.url.equals(nextUrl)) cancelAhead(); // the page's final link, or the limit, differs
      largestPage = Math.max(largestPage, fetched.items().size());
      List<T> news = new ArrayList<>(items.size());
      for (T item : items) {
        if (seen.add(keyOf.applyAsLong(item))) news.add(item);
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

    /** A page being fetched on a thread of the read-ahead. */
    private final class InFlight implements FieldPage.Listener {
      final HttpUrl url;
      /** The next page's URL, as soon as the headers name it, or once the page is read. */
      private final CompletableFuture<@Nullable HttpUrl> next = new CompletableFuture<>();
      private final Future<Fetched<T>> page;
      /** Cancels the attempt on its way, if any. */
      private volatile @Nullable Runnable cancelAttempt;
      private volatile boolean cancelled;

      InFlight(HttpUrl url) {
        this.url = url;
        this.page = Objects.requireNonNull(fetching, "fetching").submit(() -> {
          try {
            Fetched<T> f = fetcher.fetch(url, this);
            next.complete(f.next());
            return f;
          } catch (RuntimeException | Error e) {
            next.completeExceptionally(e);
            throw e;
          }
        });
      }

      @Override
      public void next(@Nullable HttpUrl link) {
        next.complete(link);
      }

      @Override
      public void sending(Runnable cancel) {
        cancelAttempt = cancel;
        if (cancelled) cancel.run();
      }

      /** The next page's URL as soon as it is known; {@code null} on the last page or when the page failed. */
      @Nullable HttpUrl awaitNext() {
        try {
          return next.join();
        } catch (CompletionException | CancellationException failed) {
          return null; // await() says why
        }
      }

      Fetched<T> await() {
        try {
          return page.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) throw r;
          if (cause instanceof Error err) throw err;
          throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          page.cancel(true);
          throw new io.hubshare.error.TransportException("interrupted while waiting for GET " + url.redact(),
              url.toString(), e);
        }
      }

      /**
       * Stops the fetch: a wait (the rate limit, a retry's backoff) is interrupted before anything is sent, and an
       * attempt on its way is cancelled wherever it is; its answer, if any, is dropped.
       */
      void cancel() {
        cancelled = true;
        page.cancel(true);
        Runnable c = cancelAttempt;
        if (c != null) c.run();
      }
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
