package io.hubshare.hub;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, auto-paging listing. Nothing is fetched until iteration starts, and the next page is fetched only when
 * the current one is used up, by following the hub's {@code Link rel="next"}. Each iteration starts again from the
 * query's first page (or its starting cursor).
 *
 * <pre>{@code
 * for (Page<Model> page : hub.models().list(query).pages()) {
 *   save(page.items());
 *   checkpoint(page.nextCursor());   // resume later with ModelQuery.Builder.cursor(...)
 * }
 * }</pre>
 */
public interface PagedIterable<T> extends Iterable<T> {

  /**
   * The pages, fetched lazily one at a time. With a {@link ModelQuery#limit()}, the last page may be cut short;
   * see {@link ModelQuery.Builder#limit(long)} for its cursor.
   */
  Iterable<Page<T>> pages();

  /** The items as a sequential stream; closing it or stopping early fetches nothing more. */
  default Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }
}
