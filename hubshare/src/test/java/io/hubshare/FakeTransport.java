package io.hubshare;

import io.hubshare.error.HubException;
import io.hubshare.internal.transport.HubRequest;
import io.hubshare.internal.transport.HubResponse;
import io.hubshare.internal.transport.Transport;
import io.hubshare.internal.transport.TransportConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A transport that answers from a table of URLs, records every request, and can hold requests back until a latch
 * opens (to make concurrent lookups overlap).
 */
final class FakeTransport implements Transport {
  private final Map<String, Supplier<HubResponse>> answers = new LinkedHashMap<>();
  private final List<HubRequest> requests = new ArrayList<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  final AtomicBoolean closed = new AtomicBoolean();
  /** The configuration the client handed over, when made through {@link #factory()}. */
  final AtomicReference<TransportConfig> config = new AtomicReference<>();

  /** A transport factory for {@link HubClient.Builder} that hands out this fake. */
  Function<TransportConfig, Transport> factory() {
    return c -> {
      config.set(c);
      return this;
    };
  }

  /** Answers 200 with this body (and headers, as name/value pairs) at this URL. */
  FakeTransport answer(String url, String body, String... headers) {
    return answerRedirected(url, url, body, headers);
  }

  /** Answers 200 with this body at {@code url}, as if redirected to {@code finalUrl}. */
  FakeTransport answerRedirected(String url, String finalUrl, String body, String... headers) {
    HttpUrl fin = HttpUrl.get(finalUrl);
    Headers h = Headers.of(headers);
    answers.put(url, () -> new HubResponse(200, fin, h, body, h.get("X-Request-Id"), false));
    return this;
  }

  /** Throws this exception for this URL. */
  FakeTransport fail(String url, Supplier<? extends HubException> error) {
    answers.put(url, () -> {
      throw error.get();
    });
    return this;
  }

  /** Makes every request wait until {@link #open()}. */
  FakeTransport hold() {
    gate = new CountDownLatch(1);
    return this;
  }

  void open() {
    gate.countDown();
  }

  @Override
  public HubResponse get(HubRequest request) {
    synchronized (requests) {
      requests.add(request);
    }
    try {
      if (!gate.await(10, TimeUnit.SECONDS)) throw new AssertionError("the gate was never opened");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    Supplier<HubResponse> answer = answers.get(request.url().toString());
    if (answer == null) throw new AssertionError("unexpected request " + request.url());
    return answer.get();
  }

  List<HubRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  List<String> urls() {
    return requests().stream().map(r -> r.url().toString()).toList();
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
