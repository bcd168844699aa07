package io.hubshare.internal.transport;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Follows one read while it runs: told how to cancel each attempt as it is sent, and the headers of a successful
 * response as soon as they arrive, before its body is read (a listing learns its next page's URL from a
 * {@code Link} header while the body of the current page is still on its way). Called on the thread that sends the
 * request, once per attempt and once per successful answer: again when a body cut short is retried, or an
 * unreadable cached body is asked for again, each time about the answer whose body follows. It must not throw, and
 * must return quickly; a listener that disagrees with the headers leaves it to the reader of the response to fail.
 */
public interface CallListener {
  /** Listens to nothing. */
  CallListener NONE = (url, headers) -> {};

  /**
   * An attempt is about to be sent; {@code cancel} ends it wherever it is (waiting for the headers, reading the
   * body) with an I/O failure. A read whose thread is also interrupted is not retried.
   */
  default void sending(Runnable cancel) {}

  /**
   * @param url the URL that answered (after any redirect)
   * @param headers its headers
   */
  void headers(HttpUrl url, Headers headers);
}
