package io.hubshare.transport;

import io.hubshare.error.BadRequestException;
import io.hubshare.error.GatedRepositoryException;
import io.hubshare.error.HubException;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.RevisionNotFoundException;
import io.hubshare.error.ServerErrorException;
import io.hubshare.error.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failed response (after retries) into the {@link HubException} subclass that names it, with the status,
 * {@code X-Error-Code}, request id and URL, and a message that says what to do.
 *
 * <p>The Hub answers 401 {@code {"error":"Invalid username or password."}} for a repository that does not exist or
 * is private, so a 401 on a model or account request is reported as not found, naming the id, unless the hub says
 * the token itself is invalid. The message never contains the token, even if the hub echoes it.
 */
final class ErrorMapper {
  private final HttpUrl endpoint;
  private final @Nullable String token;
  private final Clock clock;

  ErrorMapper(HttpUrl endpoint, @Nullable String token, Clock clock) {
    this.endpoint = endpoint;
    this.token = token;
    this.clock = clock;
  }

  HubException map(HubRequest request, Exchange response, boolean tokenSent) {
    int status = response.status();
    String code = response.headers().get("X-Error-Code");
    String requestId = response.requestId();
    String url = response.url().toString();
    String hub = scrub(ErrorBody.message(response.headers().get("X-Error-Message"),
        response.headers().get("Content-Type"), response.body()));
    String said = hub.isEmpty() ? "" : ": " + hub;
    String get = "GET " + RetryLoop.pathOf(response.url());

    if ("RevisionNotFound".equals(code)) {
      String revision = request.revision() == null ? "the revision" : "revision '" + request.revision() + "'";
      return new RevisionNotFoundException(revision + " not found in " + subject(request) + said, status, code,
          requestId, url, null);
    }
    if ("EntryNotFound".equals(code)) {
      return new BadRequestException(get + " names a path that " + subject(request) + " does not have" + said,
          status, code, requestId, url, null);
    }
    if ("GatedRepo".equals(code)) {
      HttpUrl modelPage = request.subject() == null ? null : endpoint.resolve("/" + request.subject());
      String page = modelPage == null ? "its page" : modelPage.toString();
      return new GatedRepositoryException(subject(request) + " is gated: accept its conditions at " + page
          + (tokenSent ? " with the account that owns the token" : " and use a token (HF_TOKEN)") + said,
          status, code, requestId, url, null);
    }
    if (status == 401 && saysTokenInvalid(hub)) {
      return new UnauthorizedException("the hub refused the token (HTTP 401" + said + "): check HF_TOKEN or create"
          + " a new token at " + endpoint.resolve("/settings/tokens"), status, code, requestId, url, null);
    }
    if (isNotFound(request, status, code)) {
      return new RepositoryNotFoundException(notFound(request, tokenSent), status, code, requestId, url, null);
    }
    if (status == 401 || status == 403) {
      String advice = tokenSent ? "the token lacks the permission" : "a token is needed (HF_TOKEN)";
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

  /**
   * {@code RepoNotFound}; a 404 for something with an id; a 401 on a model or account request, which is how the Hub
   * answers for a missing or private repository.
   */
  private static boolean isNotFound(HubRequest request, int status, @Nullable String code) {
    if ("RepoNotFound".equals(code)) {
      return true;
    }
    boolean aboutOne = request.kind() != HubRequest.Kind.MODEL_LIST;
    return aboutOne && (status == 404 || status == 401);
  }

  /** The Hub's wording when the token, not the repository, is the problem. */
  private static boolean saysTokenInvalid(String hub) {
    String h = hub.toLowerCase(Locale.ROOT);
    return h.contains("invalid credentials")
        || (h.contains("token") && (h.contains("invalid") || h.contains("expired")));
  }

  private static String notFound(HubRequest request, boolean tokenSent) {
    if (request.kind() == HubRequest.Kind.ACCOUNT) {
      return subject(request) + " not found";
    }
    return subject(request) + " not found (or private: "
        + (tokenSent ? "the token has no access to it)" : "a token with access is needed)");
  }

  private static String subject(HubRequest request) {
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
      message.append("; retry after ").append((retryAfter.toMillis() + 999) / 1000).append(" s");
    }
    return message.toString();
  }

  private static String attempts(Exchange response) {
    return response.attempts() > 1 ? " after " + response.attempts() + " attempts" : "";
  }

  private String scrub(String message) {
    return token == null || token.isEmpty() ? message : message.replace(token, "****");
  }
}
