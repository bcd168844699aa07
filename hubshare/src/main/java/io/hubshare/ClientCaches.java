package io.hubshare;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.hubshare.domain.Account;
import io.hubshare.domain.Model;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The client's in-memory caches: model info, account overviews and (only when asked for) list pages. Identical
 * concurrent lookups share one request, as Caffeine runs one loader per key and makes the others wait for it; they
 * share its failure too: a lookup that was waiting while the request failed gets that failure rather than sending
 * the request again (32 threads looking up a missing model make one request per round, not one each, in turn).
 * Failures are not cached beyond that: a lookup that starts after a failure asks the hub again.
 *
 * <p>Ids and account names are keys ignoring case, as the Hub resolves them. Time comes from the client's
 * {@link Clock}, so tests move expiry with a fake clock.
 */
final class ClientCaches {

  /** What a model-info lookup is keyed by: the expand fields form a set, in whatever order they were asked. */
  record ModelKey(String id, @Nullable String revision, List<String> expand) {
    ModelKey {
      Objects.requireNonNull(id, "id");
      id = id.toLowerCase(Locale.ROOT); // the Hub's case rule: one repository, however it is spelt
      expand = List.copyOf(new TreeSet<>(expand));
    }
  }



  // Built at first use: a client that only lists (a live share computation) never loads the cache library.
  private final Lazy<Cache<ModelKey, Model>> models;
  private final Lazy<Cache<String, Account>> accounts;
  private final @Nullable Lazy<Cache<HttpUrl, Pager.Fetched<Model>>> pages;
  /** The loads in flight, by key: a lookup that finds one waits for it and takes its outcome, value or failure. */
  private final ConcurrentHashMap<Object, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

  /**
   * @param ttl how long an entry is served after it was fetched
   * @param maximumSize the most entries per cache; list pages count their models
   * @param listPages whether to cache list pages at all
   */
  ClientCaches(Duration ttl, long maximumSize, boolean listPages, Clock clock) {
    Ticker ticker = () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
    this.models = new Lazy<>(() -> Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).ticker(ticker)
        .recordStats().build());
    this.accounts = new Lazy<>(() -> Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize)
        .ticker(ticker).recordStats().build());
    this.pages = !listPages ? null : new Lazy<>(() -> Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker)
        .maximumWeight(maximumSize).<HttpUrl, Pager.Fetched<Model>>weigher((url, page) -> page.items().size() + 1)
        .recordStats().build());
  }

  /**
   * The cached model, else the loader's. A model found under a new name (a renamed repository) is cached under its
   * canonical id too, so a later lookup by the new name costs nothing.
   */
  Model model(ModelKey key, Supplier<Model> loader) {
    Model model = shared(models.get(), key, loader);
    if (!model.id().equalsIgnoreCase(key.id())) {
      // After get() returns, never inside its loader: Caffeine forbids writing to the cache from a loader.
      models.get().asMap().putIfAbsent(new ModelKey(model.id(), key.revision(), key.expand()), model);
    }
    return model;
  }

  /** The cached account overview, else the loader's. */
  Account account(String name, Supplier<Account> loader) {
    return shared(accounts.get(), name.toLowerCase(Locale.ROOT), loader);
  }

  /**
   * The cached value, else the outcome of the load of {@code key} in flight, else that of a new load by
   * {@code loader}. Caffeine alone would make concurrent lookups of a key that fails load one after the other, each
   * sending its own request; here a lookup that arrives while a load is in flight takes its failure as it would
   * take its value. A lookup that arrives after a load has ended starts a new one: failures are not cached.
   */
  @SuppressWarnings("unchecked")
  private <K, V> V shared(Cache<K, V> cache, K key, Supplier<V> loader) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      V value;
      try {
        value = (V) running.join();
      } catch (CompletionException e) {
        cache.getIfPresent(key); // counted as the miss it is
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      V cached = cache.getIfPresent(key); // counted as the hit it is, when the value is still cached
      return cached != null ? cached : value;
    }
    try {
      V value = cache.get(key, k -> loader.get());
      mine.complete(value);
      return value;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** Whether list pages are cached. */
  boolean cachesListPages() {
    return pages != null;
  }

  /** The cached list page when list pages are cached, else the loader's page, uncached. */
  Pager.Fetched<Model> page(HttpUrl url, Supplier<Pager.Fetched<Model>> loader) {
    return pages == null ? loader.get() : pages.get().get(url, k -> loader.get());
  }

  /** The statistics of every cache, summed. */
  CacheStats stats() {
    CacheStats sum = snapshot(models).plus(snapshot(accounts));
    return pages == null ? sum : sum.plus(snapshot(pages));
  }

  private static CacheStats snapshot(Lazy<? extends Cache<?, ?>> lazy) {
    Cache<?, ?> cache = lazy.ifBuilt();
    if (cache == null) return CacheStats.EMPTY;
    com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
    return new CacheStats(s.hitCount(), s.missCount(), s.loadFailureCount(), s.evictionCount(),
        cache.estimatedSize());
  }

  /** Drops every entry; statistics are kept. */
  void invalidateAll() {
    invalidate(models);
    invalidate(accounts);
    if (pages != null) invalidate(pages);
  }

  private static void invalidate(Lazy<? extends Cache<?, ?>> lazy) {
    Cache<?, ?> cache = lazy.ifBuilt();
    if (cache != null) cache.invalidateAll();
  }

  /** A value built once, at first use, by whichever thread asks first. */
  private static final class Lazy<T> {
    private final Supplier<T> build;
    private volatile @Nullable T value;

    Lazy(Supplier<T> build) {
      this.build = build;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = build.get();
            value = v;
          }
        }
      }
      return v;
    }

    @Nullable T ifBuilt() {
      return value;
    }
  }
}
