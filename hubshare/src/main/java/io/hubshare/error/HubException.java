package io.hubshare.error;

import org.jspecify.annotations.Nullable;

/**
 * The root of every error hubshare raises while talking to a hub. Unchecked. Carries what the hub said and where,
 * never the token: {@link #url()} is the request URL, which never holds credentials.
 *
 * <p>Catch a subclass for one case ({@link RepositoryNotFoundException}, {@link RateLimitedException}…), or this
 * class for all of them.
 */
public class HubException extends RuntimeException {
  private final int statusCode;
  private final @Nullable String errorCode;
  private final @Nullable String requestId;
  private final @Nullable String url;

  /**
   * @param message what went wrong, for a human
   * @param statusCode the HTTP status, or 0 when no response arrived
   * @param errorCode the hub's {@code X-Error-Code}, when sent
   * @param requestId the hub's {@code X-Request-Id} (else {@code X-Amzn-Trace-Id}), when sent
   * @param url the request URL
   * @param cause the underlying failure, if any
   */
  public HubException(String message, int statusCode, @Nullable String errorCode, @Nullable String requestId,
      @Nullable String url, @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.requestId = requestId;
    this.url = url;
  }

  /** The HTTP status, or 0 when no response arrived (transport failure, offline). */
  public int statusCode() {
    return statusCode;
  }

  /** The hub's {@code X-Error-Code} ({@code RepoNotFound}, {@code GatedRepo}…), or {@code null}. */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** The hub's request id, to quote when reporting a problem, or {@code null}. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** The URL of the failed request, or {@code null}. */
  public @Nullable String url() {
    return url;
  }
}
