package io.hubshare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One order of a {@link Listing}: by a sort key, descending as the Hub always sorts, ties broken by {@code _id}
 * descending; with no sort key, by {@code _id} descending alone. Models without the key come last. A page starts
 * after a {@link Point}, the keyset position its cursor names, so a cursor keeps working whatever was filtered.
 */
final class Ordering {
  /** The sort keys the stand-in accepts, as the Hub spells them. */
  static final List<String> SORTS = List.of("createdAt", "downloads", "lastModified", "likes", "trendingScore", "id");

  /**
   * A position in an order: the last model of a page, by its sort value and {@code _id}.
   *
   * @param sort the sort key, or null for the {@code _id} order
   * @param value the sort value: a Double, a String, or null when the model has none
   * @param objectId the model's {@code _id}
   */
  record Point(String sort, Object value, String objectId) {
    Point {
      Objects.requireNonNull(objectId, "objectId");
    }
  }

  private final Listing listing;
  private final String sort;
  private final Object[] values;
  private final int[] order;

  private Ordering(Listing listing, String sort) {
    this.listing = listing;
    this.sort = sort;
    int n = listing.size();
    values = new Object[n];
    if (sort != null) {
      for (int e = 0; e < n; e++) values[e] = value(listing, e, sort);
    }
    order = IntStream.range(0, n).boxed().sorted(this::compare).mapToInt(Integer::intValue).toArray();
  }

  /**
   * The order for {@code sort}, or the {@code _id} order when it is null.
   *
   * @throws IllegalArgumentException if the Hub does not sort by {@code sort}
   */
  static Ordering of(Listing listing, String sort) {
    if (sort != null && !SORTS.contains(sort)) {
      throw new IllegalArgumentException("\"sort\" must be one of " + SORTS);
    }
    return new Ordering(listing, sort);
  }

  private static Object value(Listing listing, int e, String sort) {
    if (sort.equals("id")) return listing.id(e);
    JsonNode v = listing.fields(e).get(sort);
    if (v == null || v.isNull()) return null;
    return v.isNumber() ? (Object) v.asDouble() : v.asText();
  }

  String sort() {
    return sort;
  }

  /** Every model, in this order. */
  int[] all() {
    return order.clone();
  }

  /** The models of {@code view} (a subsequence of this order) that come after {@code p}: the index of the first. */
  int firstAfter(int[] view, Point p) {
    int lo = 0;
    int hi = view.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(values[view[mid]], listing.objectId(view[mid]), p.value(), p.objectId()) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Where model {@code e} stands. */
  Point point(int e) {
    return new Point(sort, values[e], listing.objectId(e));
  }

  private int compare(int a, int b) {
    return compare(values[a], listing.objectId(a), values[b], listing.objectId(b));
  }

  /** Negative when (va, ida) comes first: larger values first, missing values last, then larger {@code _id} first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object va, String ida, Object vb, String idb) {
    if (va != null || vb != null) {
      if (va == null) return 1;
      if (vb == null) return -1;
      if (va.getClass() != vb.getClass()) {
        // A number and a string under one key: numbers first, as a deterministic rule.
        return va instanceof Double ? -1 : 1;
      }
      int c = ((Comparable) vb).compareTo(va);
      if (c != 0) return c;
    }
    return idb.compareTo(ida);
  }

  @Override
  public String toString() {
    return "Ordering[" + (sort == null ? "_id" : sort) + ", " + order.length + " models, first "
        + Arrays.toString(Arrays.copyOf(order, Math.min(3, order.length))) + "]";
  }
}
