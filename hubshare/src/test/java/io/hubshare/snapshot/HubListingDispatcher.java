package io.hubshare.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * Serves {@code GET /api/models} over real model lines the way the Hub pages a listing: a JSON array of model
 * objects per page ({@code limit} of them), and a {@code Link: <…&cursor=…>; rel="next"} header carrying every
 * parameter plus an opaque cursor, absent on the last page.
 *
 * <p>Faults can be injected on the first request for a page (later requests for it succeed, as retries do): a 503
 * with a body of the documented {@code {"error": "..."}} shape (written here, not recorded), the connection closed
 * before any response, or a body cut off halfway.
 */
final class HubListingDispatcher extends Dispatcher {
  enum Fault { UNAVAILABLE, RESET, TRUNCATED_BODY }

  private final List<String> lines;
  private final long pageDelayMillis;
  private final Map<Integer, Fault> faults = new ConcurrentHashMap<>();
  /** Every request served, in order (faulty ones included). */
  final List<HttpUrl> requests = Collections.synchronizedList(new ArrayList<>());
  /** The faults that fired, with the page they hit. */
  final List<String> fired = Collections.synchronizedList(new ArrayList<>());

  HubListingDispatcher(List<String> lines, long pageDelayMillis) {
    this.lines = List.copyOf(lines);
    this.pageDelayMillis = pageDelayMillis;
  }

  /** The first request for page {@code page} (0-based) meets {@code fault}. */
  HubListingDispatcher fault(int page, Fault fault) {
    faults.put(page, fault);
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    requests.add(url);
    if (!"GET".equals(request.getMethod()) || !url.encodedPath().equals("/api/models")) {
      return new MockResponse.Builder().code(404).body("{\"error\":\"Not Found\"}").build();
    }
    int size = Integer.parseInt(url.queryParameter("limit"));
    String cursor = url.queryParameter("cursor");
    int offset = cursor == null ? 0 : FakeModels.offset(cursor);
    int page = offset / size;
    Fault fault = faults.remove(page);
    if (fault != null) {
      fired.add(fault + "@" + page);
      switch (fault) {
        case UNAVAILABLE:
          return new MockResponse.Builder().code(503).setHeader("Content-Type", "application/json; charset=utf-8")
              .body("{\"error\":\"Service Unavailable\"}").build();
        case RESET:
          return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        case TRUNCATED_BODY:
          return page(url, offset, size).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
        default:
          throw new AssertionError(fault);
      }
    }
    return page(url, offset, size).build();
  }

  private MockResponse.Builder page(HttpUrl url, int offset, int size) {
    int end = Math.min(offset + size, lines.size());
    MockResponse.Builder b = new MockResponse.Builder()
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body("[" + String.join(",", lines.subList(offset, end)) + "]")
        .bodyDelay(pageDelayMillis, TimeUnit.MILLISECONDS);
    if (end < lines.size()) {
      HttpUrl next = url.newBuilder().setQueryParameter("cursor", FakeModels.cursor(end)).build();
      b.setHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return b;
  }
}
