package io.hubshare.internal.hf;

import io.hubshare.hub.ModelIds;
import io.hubshare.hub.ModelQuery;

import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Builds the hub's URLs under one endpoint. Every path segment and query value goes through
 * {@link HttpUrl.Builder}, which encodes it: nothing user-supplied is ever concatenated into a URL raw.
 */
public final class HubUrls {
  private final HttpUrl endpoint;

  /** @param endpoint the hub's base URL, without a trailing slash (it may have a path, for a mirror) */
  public HubUrls(HttpUrl endpoint) {
    this.endpoint = endpoint;
  }

  HttpUrl endpoint() {
    return endpoint;
  }

  /**
   * {@code GET {endpoint}/api/models/{owner}/{name}[/revision/{rev}]?expand=...}. The revision is one segment, so
   * a branch such as {@code refs/pr/1} travels as {@code refs%2Fpr%2F1}.
   */
  HttpUrl modelInfo(String id, @Nullable String revision, List<String> expand) {
    HttpUrl.Builder b = api("models");
    for (String part : ModelIds.requireValid(id).split("/")) b.addPathSegment(part);
    if (revision != null) b.addPathSegment("revision").addPathSegment(ModelIds.requireRevision(revision));
    for (String field : expand) b.addQueryParameter("expand", field);
    return b.build();
  }

  /** {@code GET {endpoint}/api/models?...}, with a starting {@code cursor} when resuming. */
  HttpUrl modelList(List<Map.Entry<String, String>> parameters, @Nullable String cursor) {
    HttpUrl.Builder b = api("models");
    for (Map.Entry<String, String> p : parameters) b.addQueryParameter(p.getKey(), p.getValue());
    if (cursor != null) b.addQueryParameter("cursor", cursor);
    return b.build();
  }

  /** {@code GET {endpoint}/api/organizations/{name}/overview}. */
  HttpUrl organization(String name) {
    return api("organizations").addPathSegment(ModelIds.requireAccount(name)).addPathSegment("overview").build();
  }

  /** {@code GET {endpoint}/api/users/{name}/overview}. */
  HttpUrl user(String name) {
    return api("users").addPathSegment(ModelIds.requireAccount(name)).addPathSegment("overview").build();
  }

  /**
   * Resolves a next link (it may be relative) against the page it came from and, when it points at another host
   * than the endpoint's, moves its path and query onto the endpoint: a mirror or a stand-in hub that reports the
   * public hub's URLs keeps working, and the token never follows a link to a foreign host.
   *
   * @return the URL to fetch, or {@code null} if {@code link} is not a URL
   */
  @Nullable HttpUrl next(HttpUrl page, String link) {
    HttpUrl resolved = page.resolve(link.trim());
    return resolved == null ? null : rebase(resolved);
  }

  /** The URL moved onto the endpoint's scheme, host and port (and path prefix), unless it is already there. */
  HttpUrl rebase(HttpUrl url) {
    if (sameOrigin(url)) return url;
    String prefix = endpoint.encodedPath().equals("/") ? "" : endpoint.encodedPath();
    String path = url.encodedPath();
    if (!prefix.isEmpty() && !path.startsWith(prefix + "/")) path = prefix + path;
    return endpoint.newBuilder().encodedPath(path).encodedQuery(url.encodedQuery()).build();
  }

  /**
   * A cursor given to {@link ModelQuery.Builder#cursor(String)}: an absolute or root-relative URL is followed as it
   * is (re-based onto the endpoint); anything else is a plain cursor value.
   *
   * @return the URL to start from, or {@code null} for a plain cursor
   */
  @Nullable HttpUrl cursorUrl(String cursor) {
    String c = cursor.trim();
    if (c.startsWith("http://") || c.startsWith("https://") || c.startsWith("/")) {
      HttpUrl url = endpoint.resolve(c);
      if (url == null) throw new IllegalArgumentException("the cursor looks like a URL but is not one: '" + c + "'");
      return rebase(url);
    }
    return null;
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(endpoint.scheme()) && url.host().equals(endpoint.host()) && url.port() == endpoint.port();
  }

  private HttpUrl.Builder api(String collection) {
    return endpoint.newBuilder().addPathSegment("api").addPathSegment(collection);
  }



  
}
