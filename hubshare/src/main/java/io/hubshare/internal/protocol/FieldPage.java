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
  /** Follows the fetch of a page while it runs, for a listing that reads ahead. */
  public interface Listener {
    /**
     * The next page's URL as soon as the response's headers name it ({@code null}: this is the last page). Not told
     * when the headers name no usable next page; possibly told again when the request is retried.
     */
    void next(@Nullable HttpUrl next);

    /** An attempt is about to be sent; {@code cancel} ends it, wherever it is. */
    default void sending(Runnable cancel) {}
  }

  public FieldPage {
    models = List.copyOf(models);
    if ((next == null) != (nextCursor == null)) {
      throw new IllegalArgumentException("a next page needs a cursor, and only a next page has one");
    }
  }
}
