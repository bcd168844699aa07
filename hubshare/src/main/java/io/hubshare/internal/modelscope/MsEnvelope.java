package io.hubshare.internal.modelscope;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.error.BadRequestException;
import io.hubshare.error.HubException;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.UnauthorizedException;
import io.hubshare.internal.protocol.WireFormatException;
import io.hubshare.internal.transport.HubRequest;
import io.hubshare.internal.transport.HubResponse;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ModelScope's two envelopes, {@code {"success","data","message"}} (OpenAPI) and
 * {@code {"Code","Data","Message","RequestId","Success"}} (legacy), and the errors they report with HTTP 200:
 * {@code success: false}, {@code Success: false} or {@code Code} other than 200 (modelscope {@code errors.py is_ok},
 * {@code api.py _parse_openapi_response}). Messages may be Chinese; the ones the SDK translates are translated here
 * too, and "does not exist" becomes the same {@link RepositoryNotFoundException} as a 404.
 */
final class MsEnvelope {
  /** modelscope_hub {@code errors.py _CN_TO_EN}: the server's Chinese messages the SDK knows. */
  static final Map<String, String> CHINESE = Map.of(
      "模型不存在", "model does not exist",
      "数据集不存在", "dataset does not exist",
      "用户未登录", "user not logged in",
      "该名称已被注册使用，请重新命名", "name already taken",
      "更新模型失败", "failed to update model",
      "参数错误：版本名称不能为空", "invalid parameter: tag name cannot be empty",
      "创建空间失败", "failed to create studio");

  private MsEnvelope() {}

  /**
   * The envelope's payload, after checking that it reports success.
   *
   * @throws HubException of the subclass the message names when the body reports a failure
   * @throws WireFormatException when the body is not an envelope
   */
  static JsonNode payload(HubResponse response, HubRequest request, String tokenVariable) {
    JsonNode body = MsJson.tree(response.body(), "a ModelScope envelope");
    if (!body.isObject()) throw new WireFormatException("expected a ModelScope envelope object");
    HubException failure = failure(body, response, request, tokenVariable);
    if (failure != null) throw failure;
    JsonNode data = MsJson.first(body, "data", "Data");
    if (data == null) {
      throw new MalformedResponseException("GET " + response.url().encodedPath() + " answered a success without data",
          response.status(), null, requestId(body, response), response.url().toString(), null);
    }
    return data;
  }

  /** The failure a success status carries in its body, or {@code null} when the body reports success. */
  static @Nullable HubException failure(JsonNode body, HubResponse response, HubRequest request,
      String tokenVariable) {
    JsonNode success = MsJson.first(body, "success", "Success");
    JsonNode code = MsJson.first(body, "Code", "code");
    boolean failed = success != null && !success.asBoolean(false)
        || code != null && code.isNumber() && code.asLong() != 200
        || code != null && code.isTextual() && !code.asText().trim().equals("200") && success == null;
    if (!failed) return null;
    String message = message(body);
    String errorCode = code == null || code.asText().equals("200") ? null : code.asText();
    String id = requestId(body, response);
    String url = response.url().toString();
    String said = message.isEmpty() ? "" : ": " + message;
    String get = "GET " + response.url().encodedPath();
    String lower = message.toLowerCase(Locale.ROOT);
    if (request.kind() != HubRequest.Kind.MODEL_LIST && saysNotExist(message, lower)) {
      return new RepositoryNotFoundException(subject(request) + " not found (or private)" + said, response.status(),
          errorCode, id, url, null);
    }
    if (message.contains("未登录") || lower.contains("not logged in") || lower.contains("login")
        || message.contains("无权限") || lower.contains("permission")) {
      return new UnauthorizedException(get + " was refused" + said + ": a token with access is needed ("
          + tokenVariable + ")", response.status(), errorCode, id, url, null);
    }
    return new BadRequestException("the hub refused " + get + " (HTTP " + response.status() + " with "
        + (success != null ? "success false" : "Code " + errorCode) + ")" + said, response.status(), errorCode, id,
        url, null);
  }

  static boolean saysNotExist(String message, String lower) {
    return message.contains("不存在") || lower.contains("not exist") || lower.contains("not found")
        || lower.contains("no such");
  }

  /**
   * The body's message, as modelscope_hub {@code _extract_payload} picks it, with the English of a known Chinese
   * message after it: {@code 模型不存在 (model does not exist)}. Cut to 300 characters.
   */
  static String message(JsonNode body) {
    String m = "";
    for (String key : new String[] {"message", "Message", "msg", "Msg", "error", "Error", "detail", "Detail"}) {
      String v = MsJson.text(body.get(key));
      if (v != null) {
        m = v;
        break;
      }
    }
    for (Map.Entry<String, String> e : CHINESE.entrySet()) {
      if (m.contains(e.getKey())) {
        m = m + " (" + e.getValue() + ")";
        break;
      }
    }
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }

  /** {@code request_id}, {@code requestId} or {@code RequestId} in the body, else the response's header. */
  static @Nullable String requestId(JsonNode body, HubResponse response) {
    String id = MsJson.text(MsJson.first(body, "request_id", "requestId", "RequestId"));
    return id != null ? id : response.requestId();
  }

  private static String subject(HubRequest request) {
    return request.subject() == null ? "model at " + request.url().encodedPath() : "model '" + request.subject() + "'";
  }
}
