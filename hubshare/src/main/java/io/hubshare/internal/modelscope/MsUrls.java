package io.hubshare.internal.modelscope;

import io.hubshare.hub.ModelIds;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * ModelScope's URLs under one endpoint. Every path segment and query value goes through {@link HttpUrl.Builder},
 * which encodes it: nothing user-supplied is concatenated into a URL raw.
 */
final class MsUrls {
  private final HttpUrl endpoint;

  /** @param endpoint the hub's base URL, without a trailing slash (it may have a path, for a mirror) */
  MsUrls(HttpUrl endpoint) {
    this.endpoint = endpoint;
  }

  /** {@code GET {endpoint}/openapi/v1/models/{owner}/{name}}. */
  HttpUrl openApiModel(String id) {
    return model(openApi(), id).build();
  }

  /** {@code GET {endpoint}/api/v1/models/{owner}/{name}[?Revision=…]}. */
  HttpUrl legacyModel(String id, @Nullable String revision) {
    HttpUrl.Builder b = model(endpoint.newBuilder().addPathSegment("api").addPathSegment("v1"), id);
    if (revision != null) b.addQueryParameter("Revision", revision);
    return b.build();
  }

  /** {@code GET {endpoint}/openapi/v1/models?…&page_number=N&page_size=K}. */
  HttpUrl modelList(List<Map.Entry<String, String>> parameters, MsQuery.PageAt page) {
    HttpUrl.Builder b = openApi().addPathSegment("models");
    for (Map.Entry<String, String> p : parameters) b.addQueryParameter(p.getKey(), p.getValue());
    return b.addQueryParameter("page_number", Integer.toString(page.number()))
        .addQueryParameter("page_size", Integer.toString(page.size())).build();
  }

  /** The same listing at another page. */
  static HttpUrl atPage(HttpUrl url, MsQuery.PageAt page) {
    return url.newBuilder().setQueryParameter("page_number", Integer.toString(page.number()))
        .setQueryParameter("page_size", Integer.toString(page.size())).build();
  }

  /**
   * The page a listing URL asks for.
   *
   * @throws IllegalArgumentException if it names none, or one past the cap
   */
  static MsQuery.PageAt pageOf(HttpUrl url) {
    String n = url.queryParameter("page_number");
    String s = url.queryParameter("page_size");
    try {
      return new MsQuery.PageAt(Integer.parseInt(n), Integer.parseInt(s));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("not a ModelScope listing URL: " + url.encodedPath());
    }
  }

  private HttpUrl.Builder openApi() {
    return endpoint.newBuilder().addPathSegment("openapi").addPathSegment("v1");
  }

  private static HttpUrl.Builder model(HttpUrl.Builder base, String id) {
    HttpUrl.Builder b = base.addPathSegment("models");
    for (String part : ModelIds.requireValid(id).split("/")) b.addPathSegment(part);
    return b;
  }
}
