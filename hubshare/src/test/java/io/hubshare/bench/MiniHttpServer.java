package io.hubshare.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP/1.1 server on the loopback interface, with keep-alive and the socket-level faults a crawler meets in
 * the wild: a connection reset before any response (TCP RST), and a body cut off after its headers promised more.
 * The JDK's {@code com.sun.net.httpserver} cannot send a reset, and MockWebServer records every request forever,
 * which a benchmark of a hundred thousand models does not want; this serves only what {@link Handler} answers.
 */
final class MiniHttpServer implements AutoCloseable {
  /** A parsed request. Header names are lower case; the target is the raw request target ({@code /a?b=c}). */
  record Request(String method, String target, Map<String, String> headers) {
    String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** The raw (still encoded) query string, or "" when there is none. */
    String rawQuery() {
      int q = target.indexOf('?');
      return q < 0 ? "" : target.substring(q + 1);
    }
  }

  /** What to do with a connection instead of, or while, answering. */
  enum Effect { NONE, RESET, TRUNCATE_BODY }

  /** A response. Headers keep their order; {@code Content-Length} and {@code Connection} are added when sent. */
  record Response(int status, Map<String, String> headers, byte[] body, Effect effect) {
    static Response reset() {
      return new Response(0, Map.of(), new byte[0], Effect.RESET);
    }
  }

  /** Answers requests; called on the connection's thread, concurrently for several connections. */
  @FunctionalInterface
  interface Handler {
    Response handle(Request request) throws IOException;
  }

  private static final int MAX_LINE = 64 * 1024;
  private static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request", 404, "Not Found",
      405, "Method Not Allowed", 429, "Too Many Requests", 500, "Internal Server Error", 503, "Service Unavailable");

  private final ServerSocket server;
  private final Handler handler;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "stand-in-hub");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private MiniHttpServer(ServerSocket server, Handler handler) {
    this.server = server;
    this.handler = handler;
  }

  /** Listens on 127.0.0.1:{@code port} (0 for any free port) and serves until closed. */
  static MiniHttpServer start(int port, Handler handler) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    MiniHttpServer m = new MiniHttpServer(s, handler);
    m.threads.execute(m::acceptLoop);
    return m;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        if (server.isClosed()) return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = socket.getOutputStream();
      while (true) {
        Request request = read(in);
        if (request == null) return;
        Response response;
        try {
          response = handler.handle(request);
        } catch (RuntimeException | IOException e) {
          response = new Response(500, Map.of("Content-Type", "application/json; charset=utf-8"),
              ("{\"error\":\"" + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8), Effect.NONE);
        }
        if (response.effect() == Effect.RESET) {
          // SO_LINGER 0: close sends a TCP RST instead of a FIN, as a dropped connection behind a proxy does.
          socket.setSoLinger(true, 0);
          return;
        }
        boolean close = "close".equalsIgnoreCase(request.headers().getOrDefault("connection", ""));
        write(out, request, response, close);
        if (close || response.effect() == Effect.TRUNCATE_BODY) return;
      }
    } catch (SocketException e) {
      // The client went away: nothing to answer.
    } catch (IOException e) {
      // Malformed request or broken connection: drop it.
    } finally {
      open.remove(socket);
    }
  }

  private static void write(OutputStream out, Request request, Response r, boolean close) throws IOException {
    StringBuilder h = new StringBuilder(256);
    h.append("HTTP/1.1 ").append(r.status()).append(' ').append(REASONS.getOrDefault(r.status(), "Status"))
        .append("\r\n");
    for (Map.Entry<String, String> e : r.headers().entrySet()) {
      h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    }
    h.append("Content-Length: ").append(r.body().length).append("\r\n");
    if (close) h.append("Connection: close\r\n");
    h.append("\r\n");
    out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!"HEAD".equals(request.method())) {
      // A truncated body promises all its bytes in Content-Length, sends half, then the connection closes.
      int n = r.effect() == Effect.TRUNCATE_BODY ? r.body().length / 2 : r.body().length;
      out.write(r.body(), 0, n);
    }
    out.flush();
  }

  /** The next request on the connection, or null at its clean end. */
  private static Request read(InputStream in) throws IOException {
    String line = line(in);
    if (line == null) return null;
    if (line.isEmpty()) line = line(in); // a stray CRLF between requests
    if (line == null) return null;
    String[] parts = line.split(" ");
    if (parts.length != 3) throw new IOException("bad request line");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0) headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
    if (length > 0) in.skipNBytes(length);
    return new Request(parts[0], parts[1], headers);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(128);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      if (b.size() >= MAX_LINE) throw new IOException("line too long");
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }
}
