package io.hubshare;

import io.hubshare.domain.Model;
import io.hubshare.hub.ModelIds;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.Models;
import io.hubshare.hub.PagedIterable;
import io.hubshare.internal.protocol.FieldPage;
import io.hubshare.internal.protocol.HubProtocol;
import io.hubshare.internal.protocol.ListPage;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.internal.transport.Redactor;
import io.hubshare.internal.transport.Transport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** {@link Models} over a hub's protocol and a transport: asks the caches first, then the hub. */
final class ModelsService implements Models {
  private final HubProtocol protocol;
  private final HttpUrl endpoint;
  private final Transport transport;
  private final ClientCaches caches;
  private final Runnable openCheck;
  private final Redactor redactor;

  /** @param openCheck throws if the client was closed */
  ModelsService(HubProtocol protocol, HttpUrl endpoint, Transport transport, ClientCaches caches,
      Runnable openCheck) {
    this(protocol, endpoint, transport, caches, openCheck, Redactor.NONE);
  }

  /** @param redactor masks the client's token in what a listing throws (its URLs come from the hub) */
  ModelsService(HubProtocol protocol, HttpUrl endpoint, Transport transport, ClientCaches caches,
      Runnable openCheck, Redactor redactor) {
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.transport = transport;
    this.caches = caches;
    this.openCheck = openCheck;
    this.redactor = redactor;
  }

  @Override
  public Model get(String id, @Nullable String revision, String... expand) {
    protocol.requireModelId(id);
    if (revision != null) ModelIds.requireRevision(revision);
    List<String> fields = expandFields(expand);
    openCheck.run();
    return caches.model(new ClientCaches.ModelKey(id, revision, fields),
        () -> protocol.model(transport, endpoint, id, revision, fields));
  }

  @Override
  public PagedIterable<Model> list(ModelQuery query) {
    Objects.requireNonNull(query, "query");
    HttpUrl first = protocol.firstPage(endpoint, query);
    Pager<Model> models = new Pager<>(first, query.limit(), this::fetchPage, Model::id, redactor::scrubAny);
    return new ModelListing(models, protocol.hub(), request -> fieldPager(first, query.limit(), request));
  }

  /**
   * The same listing read as fields, or {@code null} when the hub has no field reader for its pages or the client
   * caches list pages (the cache holds models, and a listing read as fields must be served from it as one read as
   * models would be).
   */
  private @Nullable Pager<StoredFields> fieldPager(HttpUrl first, @Nullable Long limit, StoredFields.Request request) {
    if (!protocol.readsPageFields() || caches.cachesListPages()) return null;
    return new Pager<>(first, limit, (url, listener) -> {
      openCheck.run();
      FieldPage page = protocol.pageFields(transport, endpoint, url, request, listener);
      return new Pager.Fetched<>(page.models(), page.next(), page.nextCursor(), page.total());
    }, f -> f.idHash, redactor::scrubAny);
  }

  private Pager.Fetched<Model> fetchPage(HttpUrl url) {
    openCheck.run();
    return caches.page(url, () -> {
      ListPage page = protocol.page(transport, endpoint, url);
      return new Pager.Fetched<>(page.models(), page.next(), page.nextCursor(), page.total());
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
    return "Models[" + protocol.hub() + " at " + endpoint + "]";
  }
}
