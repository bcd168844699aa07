package io.hubshare;

import io.hubshare.hub.Accounts;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import io.hubshare.hub.Models;
import io.hubshare.domain.Hub;
import io.hubshare.hub.Accounts;
import io.hubshare.hub.Models;
import io.hubshare.internal.protocol.Endpoints;
import io.hubshare.internal.protocol.Environment;
import io.hubshare.internal.protocol.HubProtocol;

import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.Snapshots;
import io.hubshare.internal.transport.Limits;
import io.hubshare.internal.transport.Redactor;
import io.hubshare.internal.transport.Transport;
import io.hubshare.internal.transport.TransportConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: a client of one hub, with its services ({@link #models()}, {@link #accounts()}) and in-memory
 * caches. Immutable and thread-safe: build one, share it, close it when done.
 *
 * <pre>{@code
 * try (HubClient hub = HubClient.create()) {              // discovers HF_ENDPOINT, HF_TOKEN, the token file...
 *   Model m = hub.models().get("deepseek-ai/DeepSeek-R1");
 *   hub.models().list(ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).pageSize(1000).build())
 *      .stream().limit(50).forEach(System.out::println);
 * }
 * HubClient custom = HubClient.builder().endpoint("http://127.0.0.1:8080").token("hf_...").build();
 * }</pre>
 *
 * <p>Configuration is discovered in a fixed precedence: builder values, then system properties
 * ({@code hubshare.endpoint}, {@code hubshare.token}, {@code hubshare.offline}), then the {@code HF_*} environment
 * variables, then the token file; see {@code docs/configuration.md}. The token is never printed.
 */
public final class HubClient implements AutoCloseable {
  private final Settings settings;
  private final ClientConfig config;
  private final Transport transport;
  private final ClientCaches caches;
  private final Models models;
  private final Accounts accounts;
  private final AtomicBoolean closed = new AtomicBoolean();

  HubClient(Settings settings, ClientConfig config) {
    this.settings = settings;
    this.config = config;
    // The one place a transport is made.
    this.transport = settings.transportFactory().apply(settings.transportConfig(config));
    HubProtocol protocol = settings.protocol();
    this.caches = new ClientCaches(settings.cacheTtl(), settings.cacheMaximumSize(), settings.cacheListPages(),
        settings.clock());
    this.models = new ModelsService(protocol, config.endpoint(), transport, caches, this::ensureOpen,
        Redactor.of(config.token()));
    this.accounts = new AccountsService(protocol, config.endpoint(), transport, caches, this::ensureOpen);
  }

  /**
   * A client configured from the environment alone: {@code HF_ENDPOINT} or https://huggingface.co, the token from
   * {@code HF_TOKEN} or the token file if there is one, and the defaults of {@link Builder}.
   *
   * @throws IllegalArgumentException if the environment holds a malformed endpoint or token (naming which)
   * @throws java.io.UncheckedIOException if the token file exists but cannot be read
   */
  public static HubClient create() {
    return builder().build();
  }

  /**
   * A client of {@code hub} configured from the environment alone, as {@link #create()} does for Hugging Face: for
   * {@link Hub#MODELSCOPE}, {@code MODELSCOPE_ENDPOINT} (or {@code MODELSCOPE_DOMAIN}) or https://modelscope.cn and
   * {@code MODELSCOPE_API_TOKEN}.
   *
   * @throws IllegalArgumentException if hubshare does not speak to {@code hub}, or the environment holds a malformed
   *     endpoint or token
   */
  public static HubClient create(Hub hub) {
    return builder().hub(hub).build();
  }

  /** A builder, to override what the environment says. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this client's settings, with the endpoint, token and offline switch fixed to what this client
   * resolved, to derive a sibling: {@code hub.toBuilder().offline(true).build()}. The new client has caches and
   * connections of its own, except that a caller-supplied OkHttp client is shared.
   */
  public Builder toBuilder() {
    return new Builder(settings, config);
  }

  /** Model info and listings. */
  public Models models() {
    return models;
  }

  /** Organisation and user overviews. */
  public Accounts accounts() {
    return accounts;
  }

  /**
   * Who made a model and where: the bundled, sourced origin registry, or the one given to
   * {@link Builder#origins(OriginRegistry)}. {@code hub.origins().of(model)} never fails: unknown accounts get an
   * explicit unknown origin.
   */
  public OriginRegistry origins() {
    return settings.origins();
  }

  /**
   * Crawls of this hub's listing into snapshot files, resumable, and the download history they make possible:
   * {@code hub.snapshots().crawl(query, Path.of("hub-2026-08-01.jsonl.gz"))}. See {@link Snapshots}.
   */
  public Snapshots snapshots() {
    return new Snapshots(models, hub().name(), endpoint());
  }

  /** The hub this client speaks to. */
  public Hub hub() {
    return settings.protocol().hub();
  }

  /** The hub's base URL, such as {@code https://huggingface.co} (never with a trailing slash). */
  public URI endpoint() {
    String url = config.endpoint().toString();
    return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /** Whether requests carry a token. The token itself is never handed out. */
  public boolean hasToken() {
    return config.token() != null;
  }

  /** Whether the client is offline: it answers from its caches only, never from the network. */
  public boolean isOffline() {
    return config.offline();
  }

  /** What the in-memory caches have done so far, summed over all of them. */
  public CacheStats cacheStats() {
    return caches.stats();
  }

  /** The settings handed to the transport; tests check what the builder resolved. */
  TransportConfig transportConfig() {
    return settings.transportConfig(config);
  }

  /**
   * Releases connections and the disk cache. Later calls to the services throw {@link IllegalStateException};
   * closing twice is harmless. A caller-supplied OkHttp client stays open: it belongs to the caller.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      caches.invalidateAll();
      transport.close();
    }
  }

  private void ensureOpen() {
    if (closed.get()) throw new IllegalStateException("this HubClient is closed");
  }

  /** The endpoint, where the token came from (never the token), offline mode and the cache's lifetime. */
  @Override
  public String toString() {
    return "HubClient[hub=" + hub() + ", endpoint=" + endpoint() + ", token="
        + (config.token() == null ? config.tokenSource() : "**** from " + config.tokenSource()) + (config.offline() ? ", offline" : "") + ", cacheTtl=" + settings.cacheTtl()
        + (closed.get() ? ", closed" : "") + "]";
  }

  /**
   * Builds a {@link HubClient}. Each setter checks its argument at once and throws
   * {@link IllegalArgumentException} naming what is wrong; what is left unset is discovered from the environment or
   * defaulted in {@link #build()}. Not thread-safe; the client it builds is.
   *
   * <p>Defaults: connect timeout 10 s, read timeout 60 s (a page of 1000 models with many fields takes a while);
   * {@value #DEFAULT_MAX_RETRIES} retries after the first attempt, backing off 1 s, 2 s, 4 s… capped at 30 s, or as
   * long as the hub's {@code Retry-After} says; a 10-minute in-memory cache of up to 10,000 entries; no disk cache;
   * rate-limit pacing on.
   *
   * <p>Bounds, whatever the hub sends (docs/reliability.md): a wait the hub asks for is waited up to
   * {@link #maxRateLimitWait(Duration) 10 minutes}, and a longer one fails at once with
   * {@link io.hubshare.error.RateLimitedException} carrying it; one HTTP call, its body included, ends after
   * {@link #callTimeout(Duration) 2 minutes}; a body larger than {@link #maxBodySize(long) 32 MiB} after
   * decompression fails with {@link io.hubshare.error.MalformedResponseException}.
   */
  public static final class Builder {
    /**
     * Retries after the first attempt. Three rides out the short bursts of 502/503/504 the hub's CDN produces
     * (1 + 2 + 4 s of backoff) without letting a long crawl stall for minutes on a hub that is really down.
     */
    public static final int DEFAULT_MAX_RETRIES = 3;

    private HubProtocol protocol = HubProtocol.of(Hub.HUGGING_FACE);
    private @Nullable HttpUrl endpoint;
    private @Nullable String token;
    private boolean anonymous;
    private @Nullable Boolean offline;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration cacheTtl = Duration.ofMinutes(10);
    private long cacheMaximumSize = 10_000;
    private boolean cacheListPages;
    private @Nullable Path diskCacheDir;
    private long diskCacheMaxBytes;
    private boolean paceRateLimit = true;
    private @Nullable OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private @Nullable Map<String, String> environment;
    private @Nullable Map<String, String> systemProperties;
    private Function<TransportConfig, Transport> transportFactory = Transports::create;
    private @Nullable OriginRegistry origins;
    private Duration maxRateLimitWait = Limits.DEFAULT_MAX_WAIT;
    private Duration callTimeout = Limits.DEFAULT_CALL_TIMEOUT;
    private long maxBodySize = Limits.DEFAULT_MAX_BODY_BYTES;

    Builder() {}

    Builder(Settings s, ClientConfig c) {
      protocol = s.protocol();
      endpoint = c.endpoint();
      token = c.token();
      anonymous = c.token() == null;
      offline = c.offline();
      connectTimeout = s.connectTimeout();
      readTimeout = s.readTimeout();
      maxRetries = s.maxRetries();
      initialBackoff = s.initialBackoff();
      maxBackoff = s.maxBackoff();
      cacheTtl = s.cacheTtl();
      cacheMaximumSize = s.cacheMaximumSize();
      cacheListPages = s.cacheListPages();
      diskCacheDir = s.diskCacheDir();
      diskCacheMaxBytes = s.diskCacheMaxBytes();
      paceRateLimit = s.paceRateLimit();
      okHttpClient = s.okHttpClient();
      clock = s.clock();
      sleeper = s.sleeper();
      transportFactory = s.transportFactory();
      origins = s.origins();
      maxRateLimitWait = s.limits().maxWait();
      callTimeout = s.limits().callTimeout();
      maxBodySize = s.limits().maxBodyBytes();
    }

    /**
     * The hub to speak to: {@link Hub#HUGGING_FACE} (the default) or {@link Hub#MODELSCOPE}. It decides the default
     * endpoint, the environment variables discovery reads, the URLs, paging, wire format and errors. An explicit
     * {@link #endpoint(String)} wins over the hub's default for any hub.
     *
     * @throws IllegalArgumentException if hubshare does not speak to {@code hub}
     */
    public Builder hub(Hub hub) {
      this.protocol = HubProtocol.of(Checks.notNull(hub, "hub"));
      return this;
    }

    /**
     * The hub's base URL: {@code https://huggingface.co}, a mirror, or a local stand-in such as
     * {@code http://127.0.0.1:8080}. A trailing {@code /} is dropped; a path is kept (for a mirror under a prefix).
     *
     * @throws IllegalArgumentException unless it is an absolute http(s) URL without user info, query or fragment
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = Endpoints.parseEndpoint(endpoint, "builder");
      return this;
    }

    /** The hub's base URL; see {@link #endpoint(String)}. */
    public Builder endpoint(URI endpoint) {
      if (endpoint == null) throw new IllegalArgumentException("endpoint must not be null");
      return endpoint(endpoint.toString());
    }

    /**
     * The token to send as {@code Authorization: Bearer}, to this endpoint's host only. Wins over every token the
     * environment holds, and over an earlier {@link #anonymous()}. Surrounding whitespace is dropped.
     *
     * @throws IllegalArgumentException if it is blank or holds spaces or control characters (the message never
     *     shows the token)
     */
    public Builder token(String token) {
      if (token == null) throw new IllegalArgumentException("token must not be null; use anonymous() for none");
      this.token = Endpoints.checkToken(token.trim(), "builder");
      this.anonymous = false;
      return this;
    }

    /** No token at all, whatever the environment or the token file holds. Undone by a later {@link #token}. */
    public Builder anonymous() {
      this.token = null;
      this.anonymous = true;
      return this;
    }

    /** Connect timeout; zero means none. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Checks.timeout(timeout, "connectTimeout");
      return this;
    }

    /**
     * Read timeout, per read of the socket; zero means none. A body that sends a byte now and then never trips it:
     * {@link #callTimeout(Duration)} bounds the whole call.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Checks.timeout(timeout, "readTimeout");
      return this;
    }

    /**
     * The deadline of one HTTP call, from sending the request to the last byte of its body (default 2 minutes);
     * zero means none. A call that outlasts it fails with {@link io.hubshare.error.TransportException} and is not
     * retried. Retries and waits come on top, each bounded by its own setting.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Checks.timeout(timeout, "callTimeout");
      return this;
    }

    /**
     * The longest wait hubshare accepts from the hub (default 10 minutes, twice the Hub's rate-limit window): a
     * {@code Retry-After}, or a spent {@code RateLimit} quota's reset. A longer wait is not waited for: the request
     * fails at once with {@link io.hubshare.error.RateLimitedException}, whose {@code retryAfter()} carries the wait,
     * so the caller decides. A hub that says {@code t=999999999} cannot stall a crawl for 31 years.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRateLimitWait(Duration max) {
      this.maxRateLimitWait = Checks.nonNegative(max, "maxRateLimitWait");
      return this;
    }

    /**
     * The largest response body, counted after decompression (default 32 MiB, some 50 times a page of 1,000 models).
     * A larger body (an endless one, a gzip bomb) is cut there and fails with
     * {@link io.hubshare.error.MalformedResponseException}.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder maxBodySize(long bytes) {
      if (bytes < 1) throw new IllegalArgumentException("maxBodySize must be positive: " + bytes);
      this.maxBodySize = bytes;
      return this;
    }

    /**
     * Retries after the first attempt, for connection failures, 408, 429 and 5xx; 0 disables retrying.
     *
     * @throws IllegalArgumentException unless 0 to 10
     */
    public Builder maxRetries(int retries) {
      this.maxRetries = Checks.retries(retries);
      return this;
    }

    /**
     * The backoff between retries: {@code initial}, doubled at each retry, never more than {@code max} (a
     * {@code Retry-After} from the hub takes precedence).
     *
     * @throws IllegalArgumentException unless {@code 0 < initial <= max}
     */
    public Builder backoff(Duration initial, Duration max) {
      Checks.backoff(initial, max);
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** How long model info and account overviews are served from memory; zero turns that reuse off. */
    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = Checks.nonNegative(ttl, "cacheTtl");
      return this;
    }

    /** The most entries each in-memory cache holds (list pages count their models); zero keeps nothing. */
    public Builder cacheMaximumSize(long size) {
      if (size < 0) throw new IllegalArgumentException("cacheMaximumSize must not be negative: " + size);
      this.cacheMaximumSize = size;
      return this;
    }

    /**
     * Whether list pages are cached in memory too (off by default: a crawl reads each page once, and pages are
     * large). Useful in an interactive session that lists the same thing again and again.
     */
    public Builder cacheListPages(boolean enabled) {
      this.cacheListPages = enabled;
      return this;
    }

    /**
     * A disk cache of hub responses, revalidated with {@code ETag} (a 304 costs no rate-limit quota) and the only
     * source in {@linkplain #offline(boolean) offline mode}. The directory is created on first use.
     *
     * @throws IllegalArgumentException if {@code maxBytes} is not positive or {@code dir} is an existing file
     */
    public Builder diskCache(Path dir, long maxBytes) {
      this.diskCacheDir = Checks.cacheDir(dir);
      if (maxBytes <= 0) throw new IllegalArgumentException("disk cache size must be positive: " + maxBytes);
      this.diskCacheMaxBytes = maxBytes;
      return this;
    }

    /**
     * Offline mode: answers from the in-memory cache, then the disk cache, and throws
     * {@link io.hubshare.error.OfflineException} for anything else. Wins over {@code hubshare.offline} and
     * {@code HF_HUB_OFFLINE}.
     */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /** Whether to wait before a request when the hub's {@code RateLimit} header says the quota is spent (on). */
    public Builder paceRateLimit(boolean pace) {
      this.paceRateLimit = pace;
      return this;
    }

    /**
     * An OkHttp client to derive the HTTP client from, sharing its connection pool and dispatcher (timeouts and
     * interceptors are added on a derived copy; the given client is left unchanged and is not closed).
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Checks.notNull(client, "okHttpClient");
      return this;
    }

    /** The clock for cache expiry and rate-limit windows; tests pass a fixed or hand-moved one. */
    public Builder clock(Clock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /** What waits for backoff and pacing; tests pass one that records the waits and returns at once. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Checks.notNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The environment variables discovery reads ({@code HF_ENDPOINT}, {@code HF_TOKEN}...), instead of the
     * process's. Once this or {@link #systemProperties} is set, discovery reads nothing from the real process: the
     * other one defaults to empty.
     */
    public Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(Checks.notNull(variables, "environment"));
      return this;
    }

    /**
     * The system properties discovery reads ({@code hubshare.endpoint}, {@code hubshare.token},
     * {@code hubshare.offline}, and {@code user.home} for the default token file), instead of the process's.
     */
    public Builder systemProperties(Map<String, String> properties) {
      this.systemProperties = Map.copyOf(Checks.notNull(properties, "systemProperties"));
      return this;
    }

    /** Replaces the transport, for tests that count or hold back requests. */
    Builder transportFactory(Function<TransportConfig, Transport> factory) {
      this.transportFactory = Checks.notNull(factory, "transportFactory");
      return this;
    }

    /**
     * The origin registry {@link HubClient#origins()} answers from: for example
     * {@code OriginRegistry.bundled().withFile(Path.of("my-origins.csv"))}. Default: {@link OriginRegistry#bundled()}.
     */
    public Builder origins(OriginRegistry registry) {
      this.origins = java.util.Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The client. Discovers what was not set (see {@link HubClient}); connects nothing until the first request.
     *
     * @throws IllegalArgumentException if a discovered endpoint or token is malformed, naming where it came from
     * @throws java.io.UncheckedIOException if the token file exists but cannot be read
     */
    public HubClient build() {
      Environment env = environment == null && systemProperties == null ? Environment.system()
          : new Environment(environment == null ? Map.of() : environment,
              systemProperties == null ? Map.of() : systemProperties);
      ClientConfig config = ClientConfig.discover(endpoint, token, anonymous, offline, env, protocol.discovery());
      Settings settings = new Settings(protocol, connectTimeout, readTimeout, maxRetries, initialBackoff, maxBackoff, cacheTtl,
          cacheMaximumSize, cacheListPages, diskCacheDir, diskCacheMaxBytes, paceRateLimit, okHttpClient, clock,
          sleeper, transportFactory, origins == null ? OriginRegistry.bundled() : origins,
          new Limits(maxRateLimitWait, callTimeout, maxBodySize));
      return new HubClient(settings, config);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
      return "HubClient.Builder[endpoint=" + (endpoint == null ? "(discover)" : endpoint) + ", token="
          + (anonymous ? "none" : token == null ? "(discover)" : "****") + "]";
    }
  }
}
