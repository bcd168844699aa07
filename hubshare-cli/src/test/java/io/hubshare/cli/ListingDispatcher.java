package io.hubshare.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Serves {@code GET /api/models} over model lines as the Hub pages a listing: a JSON array of {@code limit} model
 * objects, and a {@code Link: <…&cursor=…>; rel="next"} header carrying every parameter plus a cursor, absent on
 * the last page. A page can be made to fail once with a 503 whose body has the documented {@code {"error"}} shape
 * (written here, not recorded).
 */
final class ListingDispatcher extends Dispatcher {
  private final List<String> lines;
  private final Set<Integer> failOnce = Collections.synchronizedSet(new HashSet<>());
  /** Every request served, in order. */
  final List<HttpUrl> requests = Collections.synchronizedList(new ArrayList<>());

  ListingDispatcher(List<String> lines) {
    this.lines = List.copyOf(lines);
  }

  /** The first request for page {@code page} (0-based) answers 503. */
  ListingDispatcher failOnce(int page) {
    failOnce.add(page);
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
    int offset = cursor == null ? 0 : Integer.parseInt(cursor.substring("offset-".length()));
    if (failOnce.remove(offset / size)) {
      return new MockResponse.Builder().code(503).setHeader("Content-Type", "application/json; charset=utf-8")
          .body("{\"error\":\"Service Unavailable\"}").build();
    }
    int end = Math.min(offset + size, lines.size());
    MockResponse.Builder b = new MockResponse.Builder()
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body("[" + String.join(",", lines.subList(offset, end)) + "]");
    if (end < lines.size()) {
      HttpUrl next = url.newBuilder().setQueryParameter("cursor", "offset-" + end).build();
      b.setHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return b.build();
  }
}
