package io.hubshare.internal.protocol;

import java.util.List;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing read as a few fields per model ({@link StoredFields}), as {@link ListPage} is one read as
 * models: the same next page, cursor and total.
 *
 * @param models each model's fields, in the page's order; each entry its own
 * @param next the absolute URL of the next page (on the configured endpoint), or {@code null} on the last page
 * @param nextCursor what resumes the listing at {@code next}; {@code null} when {@code next} is
 * @param total how many models the hub says the whole listing holds, or {@code null}
 */
public record FieldPage(List<StoredFields> models, @Nullable HttpUrl next, @Nullable String nextCursor,
    @Nullable Long total) {
  public FieldPage {
    models = List.copyOf(models);
    if ((next == null) != (nextCursor == null)) {
      throw new IllegalArgumentException("a next page needs a cursor, and only a next page has one");
    }
  }
}
