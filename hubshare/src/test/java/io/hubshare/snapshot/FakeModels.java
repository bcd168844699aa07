package io.hubshare.snapshot;

import org.jspecify.annotations.Nullable;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.Models;
import io.hubshare.hub.Page;
import io.hubshare.hub.PagedIterable;
import io.hubshare.domain.Model;
import io.hubshare.error.ServerErrorException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listing over a fixed list of models, paged with opaque cursors like the Hub's, that can be told to fail when
 * fetching a given page (counted over its whole life) and to shift its listing after a page, as a live listing
 * does when a model moves up.
 */
final class FakeModels implements Models {
  private final List<Model> models;
  private final int pageSize;
  /** The queries listed, in order. */
  final List<ModelQuery> queries = new CopyOnWriteArrayList<>();
  private int fetched;
  private int failAt = -1;
  private int moveAfter = -1;
  private Model moved;
  private int movedTo;

  FakeModels(List<Model> models, int pageSize) {
    this.models = new ArrayList<>(models);
    this.pageSize = pageSize;
  }

  /** The fetch of the {@code k}-th page (1-based, counted over every listing) fails with a 503. */
  FakeModels failAtPage(int k) {
    this.failAt = k;
    return this;
  }

  /**
   * After the {@code k}-th page is served, {@code m} moves to {@code index}, as a model does in a listing sorted by
   * downloads while it is read: moved down past the cursor, it is listed again.
   */
  FakeModels moveAfterPage(int k, Model m, int index) {
    this.moveAfter = k;
    this.moved = m;
    this.movedTo = index;
    return this;
  }

  int pagesFetched() {
    return fetched;
  }

  static String cursor(int offset) {
    return Base64.getUrlEncoder().encodeToString(("{\"_id\":{\"$offset\":" + offset + "}}")
        .getBytes(StandardCharsets.UTF_8));
  }

  static int offset(String cursor) {
    String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    return Integer.parseInt(json.replaceAll("\\D", ""));
  }

  @Override
  public Model get(String id, @Nullable String revision, String... expand) {
    throw new UnsupportedOperationException("a crawl only lists");
  }

  @Override
  public PagedIterable<Model> list(ModelQuery query) {
    queries.add(query);
    return new PagedIterable<>() {
      @Override
      public Iterable<Page<Model>> pages() {
        return () -> new Iterator<>() {
          int offset = query.cursor() == null ? 0 : offset(query.cursor());
          long left = query.limit() == null ? Long.MAX_VALUE : query.limit();
          boolean last;

          @Override
          public boolean hasNext() {
            return !last && left > 0;
          }

          @Override
          public Page<Model> next() {
            if (!hasNext()) throw new NoSuchElementException();
            fetched++;
            if (fetched == failAt) {
              throw new ServerErrorException("Service Unavailable", 503, null, null,
                  "https://huggingface.co/api/models?cursor=" + cursor(offset), null);
            }
            int end = (int) Math.min(Math.min(offset + pageSize, models.size()), offset + Math.min(left, pageSize));
            List<Model> items = List.copyOf(models.subList(offset, end));
            left -= items.size();
            offset = end;
            last = end >= models.size();
            if (fetched == moveAfter) {
              models.remove(moved);
              models.add(movedTo, moved);
            }
            return new Page<>(items, last ? null : cursor(end));
          }
        };
      }

      @Override
      public Iterator<Model> iterator() {
        throw new UnsupportedOperationException("a crawl reads pages");
      }
    };
  }
}
