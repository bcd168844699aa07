package io.hubshare.internal.protocol;

import io.hubshare.domain.Model;
import java.util.List;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing as a hub returned it.
 *
 * @param models the page's models
 * @param next the absolute URL of the next page (on the configured endpoint), or {@code null} on the last page
 * @param nextCursor what resumes the listing at {@code next}, as a user can store and hand back; {@code null} when
 *     {@code next} is
 * @param total how many models the hub says the whole listing holds, or {@code null} when it does not say
 */
public record ListPage(List<Model> models, @Nullable HttpUrl next, @Nullable String nextCursor, @Nullable Long total) {
  public ListPage {
    models = List.copyOf(models);
    if ((next == null) != (nextCursor == null)) {
      throw new IllegalArgumentException("a next page needs a cursor, and only a next page has one");
    }
  }

  /** A page of a hub that does not say how many models the listing holds. */
  public ListPage(List<Model> models, @Nullable HttpUrl next, @Nullable String nextCursor) {
    this(models, next, nextCursor, null);
  }
}
