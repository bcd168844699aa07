package io.hubshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.error.MalformedResponseException;
import io.hubshare.hub.ModelQuery;
import io.hubshare.internal.protocol.FieldListing;
import io.hubshare.internal.protocol.StoredFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the library reads a listing whole (a share computation), the next page is requested as soon as the current
 * one's headers name it, while its body is still arriving; one page ahead at most; a request read ahead that is no
 * longer needed is cancelled; the listing's rules (limit, cycles, retries) are those of its iterator.
 */
class ReadAheadTest {
  private static final StoredFields.Request DOWNLOADS = new StoredFields.Request(true, false, false, false, false,
      false, false);

  private final MockWebServer server = new MockWebServer();
  /** The cursor (offset) of every request, in order of arrival. */
  private final List<Integer> requested = Collections.synchronizedList(new ArrayList<>());
  /** Answers that replace a page's, by offset; each used once. */
  private final Map<Integer, Function<MockResponse.Builder, MockResponse>> once = new ConcurrentHashMap<>();
  private final Map<Integer, CountDownLatch> arrived = new ConcurrentHashMap<>();
  private int total;
  private int pageSize;
  private HubClient hub;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String cursor = url.queryParameter("cursor");
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        requested.add(from);
        arrived.computeIfAbsent(from, k -> new CountDownLatch(1)).countDown();
        MockResponse.Builder page = page(url, from);
        Function<MockResponse.Builder, MockResponse> special = once.remove(from);
        return special != null ? special.apply(page) : page.build();
      }
    });
    server.start();
  }

  /** Opened when the test ends: bodies held until then are let go. */
  private final CountDownLatch ended = new CountDownLatch(1);

  @AfterEach
  void stop() {
    ended.countDown();
    if (hub != null) hub.close();
    server.close();
  }

  /** Serves {@code total} models, {@code pageSize} a page. */
  private HubClient serve(int total, int pageSize) {
    if (hub != null) hub.close();
    this.total = total;
    this.pageSize = pageSize;
    hub = HubClient.builder().environment(Map.of()).systemProperties(Map.of()).endpoint(server.url("/").toString())
        .maxRetries(2).sleeper(d -> {}).build();
    return hub;
  }

  private MockResponse.Builder page(HttpUrl url, int from) {
    int to = Math.min(total, from + pageSize);
    MockResponse.Builder b = new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json; charset=utf-8").body(body(from, to));
    if (to < total) {
      b.addHeader("Link", "<" + url.newBuilder().setQueryParameter("cursor", Integer.toString(to)).build()
          + ">; rel=\"next\"");
    }
    return b;
  }

  private static String body(int from, int to) {
    StringBuilder s = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      if (i > from) s.append(',');
      s.append("{\"id\":\"org").append(i % 7).append("/m-").append(i).append("\",\"downloads\":").append(i)
          .append(",\"tags\":[\"a\",\"b\"]}");
    }
    return s.append(']').toString();
  }

  private FieldListing listing(@Nullable Long limit) {
    ModelQuery.Builder q = ModelQuery.builder().pageSize(Math.min(pageSize, ModelQuery.MAX_PAGE_SIZE));
    if (limit != null) q.limit(limit);
    return (FieldListing) hub.models().list(q.build());
  }

  /** Reads the whole listing as fields: the ids read, in order. */
  private List<String> readAll(FieldListing listing, FieldListing.Sink also) {
    List<String> ids = new ArrayList<>();
    assertThat(listing.readFields(DOWNLOADS, new FieldListing.Sink() {
      @Override
      public void model(StoredFields f) {
        ids.add(f.id());
        also.model(f);
      }

      @Override
      public void page(long models) {
        also.page(models);
      }
    })).isTrue();
    return ids;
  }

  private static FieldListing.Sink nothing() {
    return f -> {};
  }

  private boolean awaitRequest(int offset, Duration within) throws InterruptedException {
    return arrived.computeIfAbsent(offset, k -> new CountDownLatch(1)).await(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Set<Thread> readAheadThreads() {
    Set<Thread> out = ConcurrentHashMap.newKeySet();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("hubshare-read-ahead") && t.isAlive()) out.add(t);
    }
    return out;
  }

  /** A body whose second half is sent only once {@code release} opens (or after ten seconds). */
  private static MockResponseBody heldBody(String body, CountDownLatch release, boolean[] releasedInTime) {
    return heldBody(body, release, releasedInTime, Duration.ofSeconds(10));
  }

  /** A body whose second half is sent only once {@code release} opens (or after {@code atMost}). */
  private static MockResponseBody heldBody(String body, CountDownLatch release, boolean[] releasedInTime,
      Duration atMost) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return bytes.length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        int half = bytes.length / 2;
        sink.write(bytes, 0, half);
        sink.flush();
        try {
          releasedInTime[0] = release.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        sink.write(bytes, half, bytes.length - half);
        sink.flush();
      }
    };
  }

  @Test
  void theNextPageIsRequestedWhileTheCurrentBodyIsStillArriving() {
    serve(3_000, 1_000);
    CountDownLatch second = arrived.computeIfAbsent(1_000, k -> new CountDownLatch(1));
    boolean[] releasedInTime = {false};
    once.put(0, page -> page.body(heldBody(body(0, 1_000), second, releasedInTime)).build());

    List<String> ids = readAll(listing(null), nothing());

    assertThat(releasedInTime[0]).as("page 2 requested before page 1's body had all arrived").isTrue();
    assertThat(ids).hasSize(3_000).doesNotHaveDuplicates();
    assertThat(requested).containsExactly(0, 1_000, 2_000);
  }

  @Test
  void atMostOnePageIsReadAhead() throws Exception {
    serve(5_000, 1_000);
    List<Integer> requestsWhenPageDone = new ArrayList<>();
    int[] page = {0};
    readAll(listing(null), new FieldListing.Sink() {
      @Override
      public void model(StoredFields f) {}

      @Override
      public void page(long models) {
        try {
          page[0]++;
          // Time for a reader that runs ahead without bound to ask for more than the next page.
          if (page[0] < 5) assertThat(awaitRequest(page[0] * 1_000, Duration.ofSeconds(10))).isTrue();
          Thread.sleep(200);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        requestsWhenPageDone.add(requested.size());
      }
    });

    assertThat(requestsWhenPageDone).containsExactly(2, 3, 4, 5, 5);
  }

  @Test
  void aReadAheadNoLongerNeededIsCancelledAndItsThreadsEnd() throws Exception {
    serve(3_000, 1_000);
    CountDownLatch second = arrived.computeIfAbsent(1_000, k -> new CountDownLatch(1));
    boolean[] releasedInTime = {false};
    // Page 1 turns out malformed once page 2 is on its way; page 2's body would not arrive before the test ends.
    once.put(0, p -> p.body(heldBody("[{\"id\": 1}]", second, releasedInTime)).build());
    once.put(1_000, p -> p.body(heldBody(body(1_000, 2_000), ended, new boolean[1], Duration.ofSeconds(60))).build());

    long started = System.nanoTime();
    Throwable t = catchThrowable(() -> readAll(listing(null), nothing()));
    long ms = (System.nanoTime() - started) / 1_000_000;

    assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("id");
    assertThat(releasedInTime[0]).isTrue();
    assertThat(ms).as("not waiting for the page read ahead").isLessThan(10_000);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!readAheadThreads().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(readAheadThreads()).as("read-ahead threads left running").isEmpty();
    assertThat(requested).containsExactly(0, 1_000);
  }

  @Test
  void nothingIsRequestedPastTheLimit() {
    serve(4_000, 1_000);
    assertThat(readAll(listing(2_500L), nothing())).hasSize(2_500);
    assertThat(requested).containsExactly(0, 1_000, 2_000);

    requested.clear();
    assertThat(readAll(listing(1_000L), nothing())).hasSize(1_000);
    assertThat(requested).containsExactly(0);

    requested.clear();
    serve(100, 10);
    assertThat(readAll(listing(25L), nothing())).hasSize(25);
    assertThat(requested).containsExactly(0, 10, 20);
  }

  @Test
  void failedAnswersAndBodiesCutShortAreRetriedAsByTheIterator() {
    serve(4_000, 1_000);
    once.put(1_000, p -> new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build());
    once.put(2_000, p -> p.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

    List<String> ids = readAll(listing(null), nothing());

    assertThat(ids).hasSize(4_000).doesNotHaveDuplicates();
    // The request for page 4 may leave before page 3's retry: the headers of its first attempt named it.
    assertThat(requested).containsExactlyInAnyOrder(0, 1_000, 1_000, 2_000, 2_000, 3_000);
  }

  @Test
  void aLinkBackToAPageReadIsRefusedWithoutAskingForItAgain() {
    serve(3_000, 1_000);
    HttpUrl first = server.url("/api/models?limit=1000");
    once.put(1_000, p -> p.setHeader("Link", "<" + first + ">; rel=\"next\"").build());

    Throwable t = catchThrowable(() -> readAll(listing(null), nothing()));

    assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("cycles");
    assertThat(requested).containsExactly(0, 1_000);
  }
}
