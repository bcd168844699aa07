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
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The client's in-memory caches: model info, account overviews and (only when asked for) list pages. Identical
 * concurrent lookups share one request, as Caffeine runs one loader per key and makes the others wait for it.
 * Failures are never cached. Time comes from the client's {@link Clock}, so tests move expiry with a fake clock.
 */
final class ClientCaches {

  /** What a model-info lookup is keyed by: the expand fields form a set, in whatever order they were asked. */
  record ModelKey(String id, @Nullable String revision, List<String> expand) {
    ModelKey {
      Objects.requireNonNull(id, "id");
      expand = List.copyOf(new TreeSet<>(expand));
    }
  }

  private final Cache<ModelKey, Model> models;
  private final Cache<String, Account> accounts;
  private final @Nullable Cache<HttpUrl, Pager.Fetched<Model>> pages;

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
    this.models = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).ticker(ticker)
        .recordStats().build();
    this.accounts = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).ticker(ticker)
        .recordStats().build();
    this.pages = !listPages ? null : Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker)
        .maximumWeight(maximumSize).<HttpUrl, Pager.Fetched<Model>>weigher((url, page) -> page.items().size() + 1)
        .recordStats().build();
  }

  /**
   * The cached model, else the loader's. A model found under a new name (a renamed repository) is cached under its
   * canonical id too, so a later lookup by the new name costs nothing.
   */
  Model model(ModelKey key, Supplier<Model> loader) {
    Model model = models.get(key, k -> loader.get());
    if (!model.id().equals(key.id())) {
      // After get() returns, never inside its loader: Caffeine forbids writing to the cache from a loader.
      models.asMap().putIfAbsent(new ModelKey(model.id(), key.revision(), key.expand()), model);
    }
    return model;
  }

  /** The cached account overview, else the loader's. */
  Account account(String name, Supplier<Account> loader) {
    return accounts.get(name, k -> loader.get());
  }

  /** The cached list page when list pages are cached, else the loader's page, uncached. */
  Pager.Fetched<Model> page(HttpUrl url, Supplier<Pager.Fetched<Model>> loader) {
    return pages == null ? loader.get() : pages.get(url, k -> loader.get());
  }

  /** The statistics of every cache, summed. */
  CacheStats stats() {
    CacheStats sum = snapshot(models).plus(snapshot(accounts));
    return pages == null ? sum : sum.plus(snapshot(pages));
  }

  private static CacheStats snapshot(Cache<?, ?> cache) {
    com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
    return new CacheStats(s.hitCount(), s.missCount(), s.loadFailureCount(), s.evictionCount(),
        cache.estimatedSize());
  }

  /** Drops every entry; statistics are kept. */
  void invalidateAll() {
    models.invalidateAll();
    accounts.invalidateAll();
    if (pages != null) pages.invalidateAll();
  }
}
