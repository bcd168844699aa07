package io.hubshare.internal.modelscope;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in ModelScope for tests: {@code GET /openapi/v1/models} with the filters, sort keys, page numbers and the
 * envelope modelscope_hub sends and reads, enforcing what the hub enforces: pages of 1 to 50 models, and never past
 * the first 3,000 results of a query ({@code page_number × page_size ≤ 3000}); a request beyond either is refused
 * with HTTP 400. Also {@code GET /openapi/v1/models/{owner}/{name}} and the legacy {@code /api/v1/models/…}.
 *
 * <p>The items carry exactly the fields modelscope_hub's {@code RepoInfo} maps. The library a model is filed under
 * is known to the filter but not shown in the items, as on ModelScope.
 */
public final class StandInModelScope extends Dispatcher {
  /** The most results one query reaches. */
  public static final int CAP = 3000;
  /** The largest page. */
  public static final int MAX_PAGE_SIZE = 50;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One model of the stand-in hub.
   *
   * @param rank its place in the hub's default order (lower first)
   */
  public record Item(String id, @Nullable String task, String license, String library, long downloads, long likes,
      Instant created, Instant modified, int rank) {
    String owner() {
      return id.substring(0, id.indexOf('/'));
    }

    ObjectNode json() {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", id);
      o.put("display_name", id.substring(id.indexOf('/') + 1));
      o.put("description", "");
      o.put("downloads", downloads);
      o.put("likes", likes);
      o.put("created_at", created.toString());
      o.put("last_modified", modified.getEpochSecond());
      o.put("license", license);
      o.putArray("tags");
      ArrayNode tasks = o.putArray("tasks");
      if (task != null) tasks.add(task);
      o.put("file_size", 1000L + rank);
      o.put("private", false);
      o.put("gated", false);
      o.put("login_required", false);
      return o;
    }
  }

  private final List<Item> items;
  private final long delayMillis;
  private final Map<Integer, Integer> failures = new ConcurrentHashMap<>();
  /** Each query's results, in order: the hub is fixed, so a query's answer never changes. */
  private final Map<String, List<Item>> listings = new ConcurrentHashMap<>();
  /** Every request, in order. */
  public final List<HttpUrl> requests = Collections.synchronizedList(new ArrayList<>());
  /** The requests refused for breaking the page rules (a correct client causes none). */
  public final List<HttpUrl> refused = Collections.synchronizedList(new ArrayList<>());

  public StandInModelScope(List<Item> items, long delayMillis) {
    this.items = List.copyOf(items);
    this.delayMillis = delayMillis;
  }

  /** The {@code n}-th request (from 1) is answered with {@code status} once. */
  public StandInModelScope failOnce(int n, int status) {
    failures.put(n, status);
    return this;
  }

  public List<Item> items() {
    return items;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    int n;
    synchronized (requests) {
      requests.add(url);
      n = requests.size();
    }
    Integer failure = failures.remove(n);
    if (failure != null) {
      return json(failure, "{\"success\":false,\"message\":\"injected failure\",\"data\":null}");
    }
    List<String> path = url.pathSegments();
    if (path.size() == 3 && path.get(0).equals("openapi") && path.get(2).equals("models")) return list(url);
    if (path.size() == 5 && path.get(2).equals("models")) {
      String id = path.get(3) + "/" + path.get(4);
      Item item = items.stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst().orElse(null);
      if (item == null) return json(404, "{\"success\":false,\"message\":\"model not found\",\"data\":null}");
      return json(200, "{\"success\":true,\"message\":\"success\",\"data\":" + item.json() + "}");
    }
    return json(404, "{\"success\":false,\"message\":\"no such API\",\"data\":null}");
  }

  private MockResponse list(HttpUrl url) {
    int number;
    int size;
    try {
      number = Integer.parseInt(url.queryParameter("page_number"));
      size = Integer.parseInt(url.queryParameter("page_size"));
    } catch (NumberFormatException | NullPointerException e) {
      return refuse(url, "page_number and page_size are required");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) return refuse(url, "page_size must be between 1 and 50");
    if (number < 1) return refuse(url, "page_number must be at least 1");
    if ((long) number * size > CAP) return refuse(url, "page_number * page_size must be <= 3000");

    Comparator<Item> order = order(url.queryParameter("sort"));
    if (order == null) return refuse(url, "unknown sort key");
    String key = url.newBuilder().removeAllQueryParameters("page_number").removeAllQueryParameters("page_size")
        .build().toString();
    List<Item> all = listings.computeIfAbsent(key, k -> {
      Predicate<Item> match = i -> true;
      match = match.and(eq(url.queryParameter("owner"), Item::owner));
      match = match.and(eq(url.queryParameter("filter.task"), Item::task));
      match = match.and(eq(url.queryParameter("filter.license"), Item::license));
      match = match.and(eq(url.queryParameter("filter.library"), Item::library));
      String search = url.queryParameter("search");
      if (search != null) {
        match = match.and(i -> i.id().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)));
      }
      return items.stream().filter(match).sorted(order.thenComparing(Item::id)).toList();
    });
    int from = Math.min((number - 1) * size, all.size());
    int to = Math.min(from + size, all.size());
    ObjectNode data = JSON.createObjectNode();
    ArrayNode models = data.putArray("models");
    for (Item i : all.subList(from, to)) models.add(i.json());
    data.put("total_count", all.size());
    data.put("page_number", number);
    data.put("page_size", size);
    ObjectNode body = JSON.createObjectNode();
    body.put("success", true);
    body.set("data", data);
    body.put("message", "success");
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body.toString()).bodyDelay(delayMillis, TimeUnit.MILLISECONDS).build();
  }

  private static Predicate<Item> eq(@Nullable String wanted, java.util.function.Function<Item, String> field) {
    return wanted == null ? i -> true : i -> wanted.equalsIgnoreCase(field.apply(i));
  }

  private static @Nullable Comparator<Item> order(@Nullable String sort) {
    if (sort == null || sort.equals("default")) return Comparator.comparingInt(Item::rank);
    switch (sort) {
      case "downloads": return Comparator.comparingLong(Item::downloads).reversed();
      case "likes": return Comparator.comparingLong(Item::likes).reversed();
      case "last_modified": return Comparator.comparing(Item::modified).reversed();
      default: return null;
    }
  }

  private MockResponse refuse(HttpUrl url, String message) {
    refused.add(url);
    return json(400, "{\"success\":false,\"message\":\"" + message + "\",\"data\":null}");
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }
}
