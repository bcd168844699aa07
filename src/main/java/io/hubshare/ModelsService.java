package io.hubshare;

import io.hubshare.domain.Model;
import io.hubshare.transport.HubRequest;
import io.hubshare.transport.HubResponse;
import io.hubshare.transport.Transport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** {@link Models} over a {@link Transport}: builds the URLs, asks the caches first, decodes the bodies. */
final class ModelsService implements Models {
  private final HubUrls urls;
  private final Transport transport;
  private final ClientCaches caches;
  private final Runnable openCheck;

  /** @param openCheck throws if the client was closed */
  ModelsService(HubUrls urls, Transport transport, ClientCaches caches, Runnable openCheck) {
    this.urls = urls;
    this.transport = transport;
    this.caches = caches;
    this.openCheck = openCheck;
  }

  @Override
  public Model get(String id) {
    return get(id, null, new String[0]);
  }

  @Override
  public Model get(String id, String revision) {
    return get(id, HubUrls.requireRevision(revision), new String[0]);
  }

  @Override
  public Model get(String id, @Nullable String revision, String... expand) {
    ModelIds.requireValid(id);
    if (revision != null) HubUrls.requireRevision(revision);
    List<String> fields = expandFields(expand);
    HttpUrl url = urls.modelInfo(id, revision, fields);
    openCheck.run();
    return caches.model(new ClientCaches.ModelKey(id, revision, fields), () -> {
      HubResponse response = transport.get(new HubRequest(url, HubRequest.Kind.MODEL_INFO, id, revision));
      return WireDecoder.model(response);
    });
  }

  @Override
  public PagedIterable<Model> list(ModelQuery query) {
    Objects.requireNonNull(query, "query");
    String cursor = query.cursor();
    HttpUrl resumeUrl = cursor == null ? null : urls.cursorUrl(cursor);
    HttpUrl first = resumeUrl != null ? resumeUrl : urls.modelList(query.toParameters(), cursor);
    return new LinkPager<>(first, query.limit(), this::fetchPage);
  }

  private LinkPager.Fetched<Model> fetchPage(HttpUrl url) {
    openCheck.run();
    return caches.page(url, () -> {
      HubResponse response = transport.get(new HubRequest(url, HubRequest.Kind.MODEL_LIST, null, null));
      List<Model> models = WireDecoder.models(response);
      String link = WireDecoder.nextLink(response);
      // A relative link is resolved against the URL the page actually came from (after any redirect).
      HttpUrl next = link == null ? null : urls.next(response.url(), link);
      return new LinkPager.Fetched<>(models, next);
    });
  }

  /** The expand fields, checked and de-duplicated, in the order given. */
  private static List<String> expandFields(String... expand) {
    Objects.requireNonNull(expand, "expand");
    LinkedHashSet<String> fields = new LinkedHashSet<>();
    for (String field : expand) {
      if (field == null || field.isBlank()) throw new IllegalArgumentException("an expand field must not be blank");
      fields.add(field.trim());
    }
    return new ArrayList<>(fields);
  }

  @Override
  public String toString() {
    return "Models[" + urls.endpoint() + "]";
  }
}
