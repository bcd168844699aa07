package io.hubshare.bench;

import io.hubshare.bench.MiniHttpServer.Effect;
import io.hubshare.bench.MiniHttpServer.Request;
import io.hubshare.bench.MiniHttpServer.Response;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stand-in's routes: {@code GET /api/models} (a page of the listing, {@code Link} to the next),
 * {@code GET /api/models/{owner}/{name}} (one model), the overviews of the models' owners
 * ({@code GET /api/organizations/{name}/overview}, {@code GET /api/users/{name}/overview}: see {@link Accounts}),
 * and its own {@code /_stand-in/stats} and
 * {@code POST /_stand-in/reset}, which cost no quota. Every {@code /api/} request counts against the {@link Quota};
 * list requests may meet a {@link Faults fault}.
 */
final class HubApi implements MiniHttpServer.Handler {
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private final Listing listing;
  private final Accounts accounts;
  private final StandInConfig config;
  private final Quota quota;
  private final Faults faults;
  private final Counters counters = new Counters();
  private final Map<String, Ordering> orderings = new ConcurrentHashMap<>();
  private final Map<String, int[]> views = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
      return size() > 32;
    }
  };
  private final AtomicLong requestIds = new AtomicLong();

  HubApi(Listing listing, StandInConfig config) {
    this.listing = listing;
    this.accounts = new Accounts(listing);
    this.config = config;
    this.quota = new Quota(config.quota(), config.windowSeconds(), System::nanoTime);
    this.faults = new Faults(config.faultEvery(), config.faults());
  }

  Counters counters() {
    return counters;
  }

  /** Zeroes the counters and starts a fresh quota window and fault cycle, between benchmark runs. */
  void reset() {
    counters.reset();
    quota.reset();
    faults.reset();
  }

  @Override
  public Response handle(Request r) {
    String path = r.path();
    if (path.equals("/_stand-in/stats")) return json(200, counters.toJson(listing.size()), Map.of());
    if (path.equals("/_stand-in/reset") && r.method().equals("POST")) {
      reset();
      return json(200, "{\"reset\":true}", Map.of());
    }
    counters.requests.incrementAndGet();
    Response response = route(r, path);
    if (response.effect() != Effect.RESET) counters.status(response.status());
    return response;
  }

  private Response route(Request r, String path) {
    if (!r.method().equals("GET") && !r.method().equals("HEAD")) return error(405, "Method Not Allowed", Map.of());
    if (!path.startsWith("/api/")) return error(404, "Not Found", Map.of());
    Quota.Decision d = quota.take();
    Map<String, String> limits = new LinkedHashMap<>();
    limits.put("RateLimit", d.rateLimit());
    limits.put("RateLimit-Policy", quota.policy());
    if (!d.allowed()) {
      counters.tooMany.incrementAndGet();
      limits.put("Retry-After", Long.toString(d.retryAfter()));
      return error(429, "You have exceeded our rate limit for api requests. Please retry later.", limits);
    }
    try {
      if (path.equals("/api/models")) return list(r, limits);
      if (path.startsWith("/api/models/")) return info(r, path.substring("/api/models/".length()), limits);
      if (path.startsWith("/api/organizations/") || path.startsWith("/api/users/")) return account(path, limits);
      return error(404, "Not Found", limits);
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage(), limits);
    }
  }

  private Response list(Request r, Map<String, String> headers) {
    counters.listRequests.incrementAndGet();
    Faults.Fault fault = faults.next();
    if (fault != null) counters.fault(fault);
    if (fault == Faults.Fault.RESET) return Response.reset();
    if (fault == Faults.Fault.UNAVAILABLE) return error(503, "Service Unavailable", headers);
    if (config.latencyMillis() > 0) pause(config.latencyMillis());
    List<Map.Entry<String, String>> q = params(r.rawQuery());
    int limit = limit(first(q, "limit"));
    String sort = first(q, "sort");
    Ordering ordering = orderings.computeIfAbsent(sort == null ? "" : sort, s -> Ordering.of(listing,
        s.isEmpty() ? null : s));
    Fields fields = Fields.of(expand(q), isTrue(first(q, "full")), isTrue(first(q, "config")),
        isTrue(first(q, "cardData")), true);
    int[] view = view(ordering, first(q, "author"), first(q, "search"), all(q, "filter"), first(q, "pipeline_tag"));
    String cursor = first(q, "cursor");
    int start = cursor == null ? 0 : ordering.firstAfter(view, Cursors.decode(cursor, ordering.sort()));
    int end = Math.min(view.length, start + limit);
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(64, (end - start) * 900));
    body.write('[');
    for (int i = start; i < end; i++) {
      if (i > start) body.write(',');
      body.writeBytes(listing.render(view[i], fields));
    }
    body.write(']');
    counters.modelsServed.addAndGet(end - start);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", JSON_TYPE);
    h.putAll(headers);
    h.put("X-Request-Id", requestId());
    if (end < view.length) {
      String next = "http://" + r.headers().getOrDefault("host", "127.0.0.1") + "/api/models?"
          + withoutCursor(r.rawQuery()) + "cursor=" + Cursors.encode(ordering.point(view[end - 1]));
      h.put("Link", "<" + next + ">; rel=\"next\"");
    }
    return new Response(200, h, body.toByteArray(),
        fault == Faults.Fault.TRUNCATE ? Effect.TRUNCATE_BODY : Effect.NONE);
  }

  private Response info(Request r, String rest, Map<String, String> headers) {
    counters.infoRequests.incrementAndGet();
    String[] parts = rest.split("/");
    // owner/name, or owner/name/revision/<rev> (the revision is not modelled: every model has one).
    if (parts.length != 2 && !(parts.length >= 4 && parts[2].equals("revision"))) {
      return error(404, "Not Found", headers);
    }
    String id = decode(parts[0]) + "/" + decode(parts[1]);
    int e = listing.find(id);
    if (e < 0) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put("X-Error-Code", "RepoNotFound");
      h.put("X-Error-Message", "Repository not found");
      return error(404, "Repository not found", h);
    }
    List<Map.Entry<String, String>> q = params(r.rawQuery());
    Fields fields = Fields.of(expand(q), isTrue(first(q, "full")), isTrue(first(q, "config")),
        isTrue(first(q, "cardData")), false);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", JSON_TYPE);
    h.putAll(headers);
    h.put("X-Request-Id", requestId());
    return new Response(200, h, listing.render(e, fields), Effect.NONE);
  }

  /** {@code /api/organizations/{name}/overview} or {@code /api/users/{name}/overview}. */
  private Response account(String path, Map<String, String> headers) {
    counters.accountRequests.incrementAndGet();
    String[] parts = path.split("/");
    // "", "api", "organizations" or "users", name, "overview"
    if (parts.length != 5 || !parts[4].equals("overview")) return error(404, "Not Found", headers);
    String name = decode(parts[3]);
    String body = parts[2].equals("organizations") ? accounts.organization(name) : accounts.user(name);
    if (body == null) return error(404, (parts[2].equals("organizations") ? "Organization" : "User") + " not found",
        headers);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", JSON_TYPE);
    h.putAll(headers);
    h.put("X-Request-Id", requestId());
    return new Response(200, h, body.getBytes(StandardCharsets.UTF_8), Effect.NONE);
  }

  private int[] view(Ordering o, String author, String search, List<String> tags, String pipeline) {
    String key = o.sort() + "|" + author + "|" + search + "|" + tags + "|" + pipeline;
    synchronized (views) {
      int[] v = views.get(key);
      if (v != null) return v;
    }
    int[] all = o.all();
    int[] v = all;
    if (author != null || search != null || !tags.isEmpty() || pipeline != null) {
      String s = search == null ? null : search.toLowerCase(Locale.ROOT);
      v = java.util.Arrays.stream(all).filter(e -> matches(e, author, s, tags, pipeline)).toArray();
    }
    synchronized (views) {
      views.put(key, v);
    }
    return v;
  }

  private boolean matches(int e, String author, String search, List<String> tags, String pipeline) {
    var m = listing.fields(e);
    if (author != null) {
      String a = m.path("author").asText(listing.id(e).substring(0, Math.max(0, listing.id(e).indexOf('/'))));
      if (!a.equalsIgnoreCase(author)) return false;
    }
    if (search != null && !listing.lowerId(e).contains(search)) return false;
    if (pipeline != null && !pipeline.equals(m.path("pipeline_tag").asText(null))) return false;
    for (String t : tags) {
      boolean found = false;
      for (var tag : m.path("tags")) {
        if (tag.asText().equals(t)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }

  private int limit(String value) {
    if (value == null) return config.defaultLimit();
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"limit\" must be a number");
    }
    if (n < 1) throw new IllegalArgumentException("\"limit\" must be greater than or equal to 1");
    return Math.min(n, config.maxLimit());
  }

  private static List<String> expand(List<Map.Entry<String, String>> q) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : q) {
      if (e.getKey().equals("expand") || e.getKey().equals("expand[]")) {
        for (String v : e.getValue().split(",")) {
          if (!v.isBlank()) out.add(v.trim());
        }
      }
    }
    return out;
  }

  private String requestId() {
    return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-stand-in-"
        + requestIds.incrementAndGet();
  }

  static List<Map.Entry<String, String>> params(String rawQuery) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (rawQuery.isEmpty()) return out;
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.add(Map.entry(k, v));
    }
    return out;
  }

  private static String withoutCursor(String rawQuery) {
    StringBuilder b = new StringBuilder();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty() || pair.startsWith("cursor=") || pair.equals("cursor")) continue;
      b.append(pair).append('&');
    }
    return b.toString();
  }

  private static String first(List<Map.Entry<String, String>> q, String name) {
    for (Map.Entry<String, String> e : q) {
      if (e.getKey().equals(name)) return e.getValue();
    }
    return null;
  }

  private static List<String> all(List<Map.Entry<String, String>> q, String name) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : q) {
      if (e.getKey().equals(name)) out.add(e.getValue());
    }
    return out;
  }

  private static boolean isTrue(String v) {
    return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed query string");
    }
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Response error(int status, String message, Map<String, String> headers) {
    return json(status, "{\"error\":" + quote(message) + "}", headers);
  }

  private static Response json(int status, String body, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", JSON_TYPE);
    h.putAll(headers);
    return new Response(status, h, body.getBytes(StandardCharsets.UTF_8), Effect.NONE);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
