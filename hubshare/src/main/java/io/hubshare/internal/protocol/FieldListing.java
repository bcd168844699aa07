package io.hubshare.internal.protocol;

import io.hubshare.domain.Hub;

/**
 * A live listing that the library itself reads whole, a few fields per model, without a
 * {@link io.hubshare.domain.Model} each: what a share computation over {@code hub.models().list(query)} uses. The
 * listing's own rules hold as for its iterator (each repository once, at its first listing, ids compared ignoring
 * case; the query's limit; cycles and stale pages refused; failures masked of the token), and the next page is
 * requested as soon as the current one's headers name it, while its body is read, one page ahead at most.
 */
public interface FieldListing {

  /** Receives what a listing read. Called on the thread that called {@link #readFields}. */
  interface Sink {
    /** One model's fields, each repository once; {@code f} is the sink's to keep. */
    void model(StoredFields f);

    /** A page was read whole, after its models; {@code models} of the listing so far. */
    default void page(long models) {}
  }

  /** The hub the models come from. */
  Hub hub();

  /**
   * Reads the whole listing, handing each model's fields to {@code sink} page by page, or reads nothing and returns
   * {@code false} when this listing cannot be read so (its hub has no field reader for listings, or its client
   * caches list pages, which hold models).
   *
   * @throws io.hubshare.error.HubException as iterating the listing would throw
   */
  boolean readFields(StoredFields.Request request, Sink sink);
}
