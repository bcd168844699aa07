package io.hubshare.internal.hf;

import io.hubshare.error.BadRequestException;
import io.hubshare.error.GatedRepositoryException;
import io.hubshare.error.HubException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.RevisionNotFoundException;
import io.hubshare.error.UnauthorizedException;
import io.hubshare.internal.transport.CommonErrors;
import io.hubshare.internal.transport.ErrorBody;
import io.hubshare.internal.transport.ErrorMapper;
import io.hubshare.internal.transport.Exchange;
import io.hubshare.internal.transport.HubRequest;
import io.hubshare.internal.transport.RetryLoop;
import java.time.Clock;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Hugging Face's errors: its {@code X-Error-Code} values ({@code RepoNotFound}, {@code RevisionNotFound},
 * {@code GatedRepo}, {@code EntryNotFound}), and its habit of answering 401
 * {@code {"error":"Invalid username or password."}} for a repository that does not exist or is private, so a 401 on
 * a model or account request is reported as not found, naming the id, unless the hub says the token itself is
 * invalid. Everything else is {@link CommonErrors}.
 */
final class HfErrors implements ErrorMapper {
  private final HttpUrl endpoint;
  private final CommonErrors common;

  HfErrors(HttpUrl endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.common = new CommonErrors("HF_TOKEN", clock);
  }

  @Override
  public HubException map(HubRequest request, Exchange response, boolean tokenSent) {
    int status = response.status();
    String code = response.headers().get("X-Error-Code");
    String requestId = response.requestId();
    String url = response.url().toString();
    String hub = ErrorBody.message(response.headers().get("X-Error-Message"),
        response.headers().get("Content-Type"), response.body());
    String said = hub.isEmpty() ? "" : ": " + hub;
    String get = "GET " + RetryLoop.pathOf(response.url());

    if ("RevisionNotFound".equals(code)) {
      String revision = request.revision() == null ? "the revision" : "revision '" + request.revision() + "'";
      return new RevisionNotFoundException(revision + " not found in " + CommonErrors.subject(request) + said, status,
          code, requestId, url, null);
    }
    if ("EntryNotFound".equals(code)) {
      return new BadRequestException(get + " names a path that " + CommonErrors.subject(request)
          + " does not have" + said, status, code, requestId, url, null);
    }
    if ("GatedRepo".equals(code)) {
      HttpUrl modelPage = request.subject() == null ? null : endpoint.resolve("/" + request.subject());
      String page = modelPage == null ? "its page" : modelPage.toString();
      return new GatedRepositoryException(CommonErrors.subject(request) + " is gated: accept its conditions at "
          + page + (tokenSent ? " with the account that owns the token" : " and use a token (HF_TOKEN)") + said,
          status, code, requestId, url, null);
    }
    if (status == 401 && saysTokenInvalid(hub)) {
      return new UnauthorizedException("the hub refused the token (HTTP 401" + said + "): check HF_TOKEN or create"
          + " a new token at " + endpoint.resolve("/settings/tokens"), status, code, requestId, url, null);
    }
    boolean aboutOne = request.kind() != HubRequest.Kind.MODEL_LIST;
    if ("RepoNotFound".equals(code) || (aboutOne && status == 401)) {
      return new RepositoryNotFoundException(CommonErrors.notFound(request, tokenSent), status, code, requestId, url,
          null);
    }
    return common.map(request, response, tokenSent, hub, code);
  }

  /** The Hub's wording when the token, not the repository, is the problem. */
  private static boolean saysTokenInvalid(String hub) {
    String h = hub.toLowerCase(Locale.ROOT);
    return h.contains("invalid credentials")
        || (h.contains("token") && (h.contains("invalid") || h.contains("expired")));
  }
}
