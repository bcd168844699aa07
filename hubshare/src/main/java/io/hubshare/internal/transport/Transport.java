package io.hubshare.internal.transport;

import java.util.function.Function;

/**
 * Sends GET requests to one hub and returns successful responses. Everything else becomes a
 * {@link io.hubshare.error.HubException} subclass: retries, rate-limit pacing, redirects, caching and error mapping
 * live behind this interface, so the services above it only build URLs and parse bodies.
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends the request, retrying and pacing as configured.
   *
   * @return a 2xx response (or a 304 answered from the disk cache, reported as 200 with {@code fromCache})
   * @throws io.hubshare.error.HubException for any failure, of the subclass that names it
   */
  HubResponse get(HubRequest request);

  /**
   * Sends the request and reads its response with {@code reader}. A transport with a disk cache evicts a body the
   * reader finds malformed and, when that body came from the cache, asks the network once more.
   *
   * @throws io.hubshare.error.HubException for any failure, the reader's included
   */
  default <T> T read(HubRequest request, Function<HubResponse, T> reader) {
    return reader.apply(get(request));
  }

  /**
   * As {@link #read(HubRequest, Function)}, telling {@code listener} how to cancel the call and the headers of the
   * successful response before its body is read (see {@link CallListener}). A transport that reads whole responses
   * at once, and cannot cancel them, tells it the headers when the response has arrived, before {@code reader}
   * runs.
   */
  default <T> T read(HubRequest request, CallListener listener, Function<HubResponse, T> reader) {
    HubResponse response = get(request);
    listener.headers(response.url(), response.headers());
    return reader.apply(response);
  }

  /** Releases connections, threads and the disk cache, unless they belong to a caller-supplied client. */
  @Override
  void close();
}
