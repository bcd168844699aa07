package io.hubshare.internal.transport;

import io.hubshare.error.BadRequestException;
import io.hubshare.error.HubException;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.ServerErrorException;
import io.hubshare.error.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What every hub's errors share: 404 for one model or account is "not found", 401/403 a refusal, 429 the rate
 * limit with its wait, 5xx the hub failing, other 4xx a bad request. A hub's own {@link ErrorMapper} handles its
 * error codes first and hands the rest here.
 *
 * @param tokenVariable the environment variable a user sets the token in, named in advice ("HF_TOKEN")
 */
public record CommonErrors(String tokenVariable, Clock clock) {

  /** The exception for a failed response, by status alone. */
  public HubException map(HubRequest request, Exchange response, boolean tokenSent, String hubMessage,
      @Nullable String code) {
    int status = response.status();
    String requestId = response.requestId();
    String url = response.url().toString();
    String said = hubMessage.isEmpty() ? "" : ": " + hubMessage;
    String get = "GET " + RetryLoop.pathOf(response.url());
    if (status == 404 && request.kind() != HubRequest.Kind.MODEL_LIST) {
      return new RepositoryNotFoundException(notFound(request, tokenSent), status, code, requestId, url, null);
    }
    if (status == 401 || status == 403) {
      String advice = tokenSent ? "the token lacks the permission" : "a token is needed (" + tokenVariable + ")";
      return new UnauthorizedException(get + " was refused (HTTP " + status + said + "): " + advice, status, code,
          requestId, url, null);
    }
    if (status == 429) {
      Duration retryAfter = RetryPolicy.serverWait(response, clock);
      return new RateLimitedException(rateLimited(response, said, retryAfter), code, requestId, url, retryAfter);
    }
    if (status >= 500) {
      return new ServerErrorException("the hub failed: HTTP " + status + " for " + get + attempts(response) + said,
          status, code, requestId, url, null);
    }
    if (status >= 400) {
      return new BadRequestException("the hub refused " + get + " (HTTP " + status + ")" + said, status, code,
          requestId, url, null);
    }
    return new MalformedResponseException("unexpected HTTP " + status + " for " + get + said, status, code,
        requestId, url, null);
  }

  /** "model 'a/b' not found (or private: …)", or "account 'x' not found". */
  public static String notFound(HubRequest request, boolean tokenSent) {
    if (request.kind() == HubRequest.Kind.ACCOUNT) {
      return subject(request) + " not found";
    }
    return subject(request) + " not found (or private: "
        + (tokenSent ? "the token has no access to it)" : "a token with access is needed)");
  }

  /** "model 'a/b'", "account 'x'", or the path when the request names no subject. */
  public static String subject(HubRequest request) {
    String kind = request.kind() == HubRequest.Kind.ACCOUNT ? "account" : "model";
    return request.subject() == null
        ? kind + " at " + RetryLoop.pathOf(request.url())
        : kind + " '" + request.subject() + "'";
  }

  private static String rateLimited(Exchange response, String said, @Nullable Duration retryAfter) {
    StringBuilder message = new StringBuilder("rate limit reached (HTTP 429" + said + ")");
    RateLimitHeader limit = RateLimitHeader.from(response.headers());
    if (limit != null && limit.quota() >= 0 && limit.window() != null) {
      message.append(", quota ").append(limit.quota()).append(" requests per ").append(limit.window().toSeconds())
          .append(" s");
    }
    if (retryAfter != null) {
      message.append("; retry after ").append(Durations.ceilSeconds(retryAfter)).append(" s");
    }
    return message.toString();
  }

  private static String attempts(Exchange response) {
    return response.attempts() > 1 ? " after " + response.attempts() + " attempts" : "";
  }
}
