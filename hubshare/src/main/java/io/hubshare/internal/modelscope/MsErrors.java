package io.hubshare.internal.modelscope;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.error.HubException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.UnauthorizedException;
import io.hubshare.internal.protocol.WireFormatException;
import io.hubshare.internal.transport.CommonErrors;
import io.hubshare.internal.transport.ErrorBody;
import io.hubshare.internal.transport.ErrorMapper;
import io.hubshare.internal.transport.Exchange;
import io.hubshare.internal.transport.HubRequest;
import java.time.Clock;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * ModelScope's failed statuses, as modelscope_hub {@code errors.py raise_for_status} maps them: 400/405 invalid,
 * 401 authentication, 403 permission, 404 not found, 429 rate limited ({@code Retry-After}), 5xx server. Its message
 * is the body's {@code message}/{@code Message} (Chinese ones get their English beside them), its request id the
 * body's {@code request_id}/{@code RequestId}, else the {@code x-request-id} header; a business {@code Code} becomes
 * {@link HubException#errorCode()}.
 *
 * <p>A 403 for one model asked without a token is reported as not found, as modelscope's
 * {@code handle_http_response} words it ("may not exist or may be private"); with a token, as a refusal. Everything
 * else is {@link CommonErrors}.
 */
final class MsErrors implements ErrorMapper {
  static final String TOKEN_VARIABLE = "MODELSCOPE_API_TOKEN";

  private final HttpUrl endpoint;
  private final CommonErrors common;

  MsErrors(HttpUrl endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.common = new CommonErrors(TOKEN_VARIABLE, clock);
  }

  @Override
  public HubException map(HubRequest request, Exchange response, boolean tokenSent) {
    JsonNode body = json(response.body());
    String message = body != null ? MsEnvelope.message(body)
        : ErrorBody.message(null, response.headers().get("Content-Type"), response.body());
    String code = body == null ? null : MsJson.text(MsJson.first(body, "Code", "code"));
    Exchange withId = withRequestId(response, body);
    int status = response.status();
    String said = message.isEmpty() ? "" : ": " + message;
    String url = response.url().toString();
    boolean aboutOne = request.kind() != HubRequest.Kind.MODEL_LIST;

    if (status == 401 && tokenSent) {
      return new UnauthorizedException("the hub refused the token (HTTP 401" + said + "): check " + TOKEN_VARIABLE
          + " or create a new token at " + endpoint.resolve("/my/myaccesstoken"), status, code, withId.requestId(),
          url, null);
    }
    if (aboutOne && status == 403 && !tokenSent) {
      return new RepositoryNotFoundException(CommonErrors.notFound(request, false), status, code, withId.requestId(),
          url, null);
    }
    return common.map(request, withId, tokenSent, message, code);
  }

  private static @Nullable JsonNode json(String body) {
    String t = body.strip();
    if (!t.startsWith("{")) return null;
    try {
      JsonNode n = MsJson.tree(t, "an error body");
      return n.isObject() ? n : null;
    } catch (WireFormatException notJson) {
      return null;
    }
  }

  /** The response with the body's request id as {@code X-Request-Id} when no header carries one. */
  private static Exchange withRequestId(Exchange response, @Nullable JsonNode body) {
    if (response.requestId() != null || body == null) return response;
    String id = MsJson.text(MsJson.first(body, "request_id", "requestId", "RequestId"));
    if (id == null) return response;
    return new Exchange(response.status(), response.url(), response.headers().newBuilder().set("X-Request-Id", id)
        .build(), response.body(), response.fromCache(), response.attempts());
  }
}
