package io.hubshare.internal.hf;

import io.hubshare.domain.Account;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.hub.ModelIds;
import io.hubshare.hub.ModelQuery;
import io.hubshare.internal.protocol.Discovery;
import io.hubshare.internal.protocol.HubProtocol;
import io.hubshare.internal.protocol.StoredFields;
import java.io.IOException;
import java.io.InputStream;
import io.hubshare.internal.protocol.FieldPage;
import io.hubshare.internal.protocol.ListPage;
import io.hubshare.internal.protocol.WireFormatException;
import io.hubshare.internal.transport.CallListener;
import io.hubshare.internal.transport.Authorizer;
import io.hubshare.internal.transport.ErrorMapper;
import io.hubshare.internal.transport.HubRequest;
import io.hubshare.internal.transport.HubResponse;
import io.hubshare.internal.transport.Transport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Hugging Face: {@code GET /api/models/{id}[/revision/{rev}]}, listings paged by the {@code Link rel="next"} header
 * with a {@code cursor} parameter, organisation and user overviews, a bearer token, its error codes and its
 * environment ({@code HF_*}).
 */
public final class HfProtocol implements HubProtocol {
  private static final Discovery DISCOVERY = new HfDiscovery();

  @Override
  public Hub hub() {
    return Hub.HUGGING_FACE;
  }

  @Override
  public Discovery discovery() {
    return DISCOVERY;
  }

  @Override
  public Authorizer authorizer() {
    return Authorizer.BEARER;
  }

  @Override
  public ErrorMapper errors(HttpUrl endpoint, Clock clock) {
    return new HfErrors(endpoint, clock);
  }

  @Override
  public String requireModelId(String id) {
    return ModelIds.requireValid(id);
  }

  @Override
  public Model model(Transport transport, HttpUrl endpoint, String id, @Nullable String revision,
      List<String> expand) {
    HttpUrl url = new HubUrls(endpoint).modelInfo(id, revision, expand);
    return transport.read(new HubRequest(url, HubRequest.Kind.MODEL_INFO, id, revision),
        r -> WireDecoder.requireAsked(WireDecoder.model(r), id, r));
  }

  @Override
  public HttpUrl firstPage(HttpUrl endpoint, ModelQuery query) {
    HubUrls urls = new HubUrls(endpoint);
    String cursor = query.cursor();
    HttpUrl resume = cursor == null ? null : urls.cursorUrl(cursor);
    return resume != null ? resume : urls.modelList(HfQuery.parameters(query), cursor);
  }

  @Override
  public List<Map.Entry<String, String>> describe(ModelQuery query) {
    return HfQuery.parameters(query);
  }

  @Override
  public ListPage page(Transport transport, HttpUrl endpoint, HttpUrl url) {
    HubUrls urls = new HubUrls(endpoint);
    return transport.read(new HubRequest(url, HubRequest.Kind.MODEL_LIST, null, null), response -> {
      List<Model> models = WireDecoder.models(response);
      HttpUrl next = next(response, urls, url);
      return new ListPage(models, next, cursorOf(next));
    });
  }

  @Override
  public boolean readsPageFields() {
    return true;
  }

  @Override
  public FieldPage pageFields(Transport transport, HttpUrl endpoint, HttpUrl url, StoredFields.Request request,
      FieldPage.Listener listener) {
    HubUrls urls = new HubUrls(endpoint);
    CallListener early = new CallListener() {
      @Override
      public void sending(Runnable cancel) {
        listener.sending(cancel);
      }

      @Override
      public void headers(HttpUrl answered, Headers headers) {
        List<String> values = headers.values("Link");
        if (values.isEmpty()) {
          listener.next(null);
          return;
        }
        String link;
        try {
          link = LinkHeader.next(String.join(", ", values));
        } catch (WireFormatException unreadable) {
          return; // the page fails when read, as page() fails
        }
        if (link == null) {
          listener.next(null);
          return;
        }
        HttpUrl next = urls.next(answered, link);
        if (next != null) listener.next(next);
      }
    };
    return transport.read(new HubRequest(url, HubRequest.Kind.MODEL_LIST, null, null), early, response -> {
      List<StoredFields> models = FieldPages.read(response, request); // the body's failures first, as page()
      HttpUrl next = next(response, urls, url);
      return new FieldPage(models, next, cursorOf(next), null);
    });
  }

  /** The page's next page, resolved and checked as {@link #page} does. */
  private static @Nullable HttpUrl next(HubResponse response, HubUrls urls, HttpUrl url) {
    String link = WireDecoder.nextLink(response);
    // A relative link is resolved against the URL the page actually came from (after any redirect).
    HttpUrl next = link == null ? null : urls.next(response.url(), link);
    if (link != null && next == null) {
      throw new MalformedResponseException("the next link (Link header) of GET " + url.encodedPath()
          + " is not an http(s) URL: the listing cannot go on, and must not be taken for complete",
          response.status(), null, response.requestId(), url.toString(), null);
    }
    return next;
  }

  /** The cursor to hand out for a next link: its {@code cursor} parameter, else the whole URL. */
  public static @Nullable String cursorOf(@Nullable HttpUrl next) {
    if (next == null) return null;
    String cursor = next.queryParameter("cursor");
    return cursor != null && !cursor.isEmpty() ? cursor : next.toString();
  }

  /**
   * The Hub has no single account endpoint: a name is looked up as an organisation first (most model owners that
   * matter to download shares are organisations), then as a user.
   */
  @Override
  public Account account(Transport transport, HttpUrl endpoint, String name) {
    HubUrls urls = new HubUrls(endpoint);
    HttpUrl organization = urls.organization(name);
    HttpUrl user = urls.user(name);
    try {
      return transport.read(new HubRequest(organization, HubRequest.Kind.ACCOUNT, name, null),
          WireDecoder::organization);
    } catch (RepositoryNotFoundException notAnOrganization) {
      try {
        return transport.read(new HubRequest(user, HubRequest.Kind.ACCOUNT, name, null), WireDecoder::user);
      } catch (RepositoryNotFoundException notAUser) {
        throw new RepositoryNotFoundException("no organisation or user named '" + name + "'",
            notAUser.statusCode(), notAUser.errorCode(), notAUser.requestId(), notAUser.url(), notAUser);
      }
    }
  }

  @Override
  public Model readStored(String json) {
    return HfModels.parse(json);
  }

  @Override
  public StoredFields.Reader storedFields(InputStream snapshotBytes, StoredFields.Request request, boolean headerLine)
      throws IOException {
    return new StoredFieldScanner(snapshotBytes, request, headerLine);
  }

  @Override
  public String toString() {
    return "HubProtocol[huggingface]";
  }
}
