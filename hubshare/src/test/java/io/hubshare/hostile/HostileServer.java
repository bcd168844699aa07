package io.hubshare.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.BufferedSink;

/**
 * A hub that lies: a {@link MockWebServer} whose answers are chosen per path, with the bodies a hostile or broken
 * server sends (a body that drips a byte at a time, a chunked body without end, a gzip bomb inflated on the fly,
 * headers with absurd values). Nothing large is ever held: the bodies are generated while they are written, and a
 * client that hangs up ends them.
 *
 * <p>Answers are looked up by the longest registered path prefix; the request count per prefix is kept, so a test
 * can assert how many requests a hostile answer cost.
 */
final class HostileServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Function<RecordedRequest, MockResponse>> routes = new LinkedHashMap<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final AtomicInteger count = new AtomicInteger();

  HostileServer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        synchronized (requests) {
          requests.add(request);
        }
        count.incrementAndGet();
        Function<RecordedRequest, MockResponse> answer = route(request.getTarget());
        return answer == null ? new MockResponse.Builder().code(404).body("{\"error\":\"no route\"}").build()
            : answer.apply(request);
      }
    });
  }

  HostileServer start() throws IOException {
    server.start();
    return this;
  }

  /** The base URL to give the client as its endpoint. */
  String endpoint() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  HttpUrl url(String path) {
    return server.url(path);
  }

  /** Answers every request whose target starts with {@code prefix}. The longest prefix wins. */
  HostileServer on(String prefix, Function<RecordedRequest, MockResponse> answer) {
    synchronized (routes) {
      routes.put(prefix, answer);
    }
    return this;
  }

  /** Answers every request whose target starts with {@code prefix} with the same response. */
  HostileServer on(String prefix, MockResponse answer) {
    return on(prefix, r -> answer);
  }

  private Function<RecordedRequest, MockResponse> route(String target) {
    synchronized (routes) {
      String best = null;
      for (String p : routes.keySet()) {
        if (target.startsWith(p) && (best == null || p.length() > best.length())) best = p;
      }
      return best == null ? null : routes.get(best);
    }
  }

  /** How many requests arrived. */
  int requestCount() {
    return count.get();
  }

  /** Every request so far, in order. */
  List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  // ---- answers -------------------------------------------------------------------------------------------------

  /** 200 with a JSON body. */
  static MockResponse.Builder json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body);
  }

  /** A model object as the Hub lists it. */
  static String model(String id, long downloads) {
    return "{\"_id\":\"" + Integer.toHexString(id.hashCode()) + "\",\"id\":\"" + id + "\",\"downloads\":" + downloads
        + ",\"likes\":1,\"tags\":[]}";
  }

  /** A list page of models. */
  static String page(String... ids) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) b.append(',');
      b.append(model(ids[i], 100 + i));
    }
    return b.append(']').toString();
  }

  /**
   * Serves {@code count} models ({@code org/model-0}…) under {@code /api/models}, {@code pageSize} a page, with a
   * {@code Link rel="next"} whose cursor is the offset, as the Hub pages; {@code failAt} (0-based, or -1) answers 503
   * for the page at that offset.
   */
  HostileServer listing(int count, int pageSize, int failAt) {
    return on("/api/models", r -> {
      String cursor = r.getUrl().queryParameter("cursor");
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      if (from == failAt) return new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build();
      int to = Math.min(count, from + pageSize);
      String[] ids = new String[to - from];
      for (int i = from; i < to; i++) ids[i - from] = "org/model-" + i;
      MockResponse.Builder b = json(page(ids));
      if (to < count) {
        b.addHeader("Link", "<" + url("/api/models?limit=" + pageSize + "&cursor=" + to) + ">; rel=\"next\"");
      }
      return b.build();
    });
  }

  /**
   * 200 whose body is {@code body}, sent one byte every {@code every}: each read of the socket gets a byte well
   * within any read timeout, so only a deadline on the whole call stops it.
   */
  static MockResponse drip(String body, Duration every) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Content-Length", bytes.length)
        .body(new MockResponseBody() {
          @Override
          public long getContentLength() {
            return bytes.length;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            for (byte b : bytes) {
              sink.writeByte(b);
              sink.flush();
              try {
                Thread.sleep(every.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          }
        }).build();
  }

  /**
   * 200 with a chunked body that never ends: {@code [} then model objects, forever, until the client hangs up.
   */
  static MockResponse endlessChunked() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Transfer-Encoding", "chunked")
        .body(streamed(sink -> {
          chunk(sink, "[".getBytes(StandardCharsets.UTF_8));
          byte[] item = (model("org/endless", 1) + ",").getBytes(StandardCharsets.UTF_8);
          byte[] block = new byte[item.length * 256];
          for (int i = 0; i < 256; i++) System.arraycopy(item, 0, block, i * item.length, item.length);
          while (true) chunk(sink, block); // ends with an IOException when the client closes the connection
        })).build();
  }

  /** Writes a body of unknown length. */
  @FunctionalInterface
  private interface BodyWriter {
    void writeTo(BufferedSink sink) throws IOException;
  }

  /** A body of unknown length (its framing is the writer's: chunked here), written as the client reads it. */
  private static MockResponseBody streamed(BodyWriter writer) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        writer.writeTo(sink);
      }
    };
  }

  private static void chunk(BufferedSink sink, byte[] data) throws IOException {
    chunk(sink, data, 0, data.length);
  }

  /** One chunk of a chunked body, flushed. */
  private static void chunk(BufferedSink sink, byte[] data, int off, int len) throws IOException {
    sink.writeHexadecimalUnsignedLong(len).writeUtf8("\r\n").write(data, off, len).writeUtf8("\r\n");
    sink.flush();
  }

  /**
   * 200 with {@code Content-Encoding: gzip} whose body inflates to {@code inflated} bytes of a JSON array that never
   * closes ({@code [} and spaces): about 1,000 times smaller on the wire. Compressed while it is sent, so a client
   * that stops reading stops the server too.
   */
  static MockResponse gzipBomb(long inflated) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Content-Encoding", "gzip").addHeader("Transfer-Encoding", "chunked")
        .body(streamed(sink -> {
          OutputStream chunks = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              if (len > 0) chunk(sink, b, off, len);
            }

            @Override
            public void close() throws IOException {
              sink.writeUtf8("0\r\n\r\n");
              sink.flush();
            }
          };
          try (GZIPOutputStream gz = new GZIPOutputStream(chunks, 1 << 16)) {
            gz.write('[');
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long left = inflated - 1; left > 0; left -= spaces.length) {
              gz.write(spaces, 0, (int) Math.min(spaces.length, left));
            }
          }
        })).build();
  }
}
