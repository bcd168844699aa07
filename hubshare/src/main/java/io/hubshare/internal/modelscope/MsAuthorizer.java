package io.hubshare.internal.modelscope;

import io.hubshare.internal.transport.Authorizer;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The token as ModelScope expects it: {@code Authorization: Bearer} on the OpenAPI ({@code /openapi/v1/…},
 * modelscope_hub {@code _openapi.py}), the cookie {@code m_session_id} on the legacy API ({@code /api/v1/…},
 * {@code _legacy_api.py}). The transport calls this only for the configured endpoint's own host.
 */
final class MsAuthorizer {
  static final Authorizer INSTANCE = MsAuthorizer::authorize;

  private MsAuthorizer() {}

  static void authorize(Request.Builder request, HttpUrl url, String token) {
    if (isLegacy(url)) {
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c == ';' || c == ',' || c == '"' || c == '\\') {
          throw new IllegalArgumentException("the token contains '" + c + "', which cannot travel in the "
              + "m_session_id cookie of ModelScope's legacy API");
        }
      }
      request.header("Cookie", "m_session_id=" + token);
    } else {
      request.header("Authorization", "Bearer " + token);
    }
  }

  /** A path with the segments {@code api/v1}, after any path the endpoint itself has. */
  static boolean isLegacy(HttpUrl url) {
    List<String> s = url.pathSegments();
    for (int i = 0; i + 1 < s.size(); i++) {
      if (s.get(i).equals("api") && s.get(i + 1).equals("v1")) return true;
      if (s.get(i).equals("openapi")) return false;
    }
    return false;
  }
}
