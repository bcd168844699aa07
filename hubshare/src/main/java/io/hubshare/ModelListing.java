package io.hubshare;

import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.hub.Page;
import io.hubshare.hub.PagedIterable;
import io.hubshare.internal.protocol.FieldListing;
import io.hubshare.internal.protocol.StoredFields;
import java.util.Iterator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A listing of models: lazy and page by page to its users ({@link Pager}), and, to the library's own computations
 * that read it whole, a few fields per model with the next page read ahead ({@link FieldListing}).
 */
final class ModelListing implements PagedIterable<Model>, FieldListing {

  /** Makes the pager of fields for one request: the same first page, limit and rules as the pager of models. */
  @FunctionalInterface
  interface FieldPagers {
    /** The pager, or {@code null} when the listing cannot be read as fields. */
    @Nullable Pager<StoredFields> of(StoredFields.Request request);
  }

  private final Pager<Model> models;
  private final Hub hub;
  private final FieldPagers fields;

  ModelListing(Pager<Model> models, Hub hub, FieldPagers fields) {
    this.models = Objects.requireNonNull(models, "models");
    this.hub = Objects.requireNonNull(hub, "hub");
    this.fields = Objects.requireNonNull(fields, "fields");
  }

  @Override
  public Iterable<Page<Model>> pages() {
    return models.pages();
  }

  @Override
  public Iterator<Model> iterator() {
    return models.iterator();
  }

  @Override
  public Hub hub() {
    return hub;
  }

  @Override
  public boolean readFields(StoredFields.Request request, Sink sink) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    Pager<StoredFields> pager = fields.of(request);
    if (pager == null) return false;
    long[] read = {0};
    pager.readAll(fresh -> {
      for (StoredFields f : fresh) sink.model(f);
      read[0] += fresh.size();
      sink.page(read[0]);
    });
    return true;
  }

  @Override
  public String toString() {
    return models.toString();
  }
}
