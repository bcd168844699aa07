/**
 * Snapshots: the download history the Hub does not keep.
 *
 * <p>The Hub reports two download counts per model, the last 30 days ({@code downloads}) and all time
 * ({@code downloadsAllTime}). Any other window, "downloads in July", "first-year downloads of models released last
 * year", needs readings taken at two instants. A snapshot is such a reading: a crawl of the model listing stored as
 * gzip JSON Lines, a header line ({@link io.hubshare.snapshot.SnapshotHeader}) then each model's JSON exactly as
 * the hub sent it.
 *
 * <ul>
 *   <li>{@link io.hubshare.snapshot.Snapshots#crawl} writes one, resumably: a crawl killed at any instant continues
 *       from its last complete page, each model exactly once.
 *   <li>{@link io.hubshare.snapshot.Snapshots#open} reads one as a stream, in constant memory.
 *   <li>{@link io.hubshare.snapshot.SnapshotDelta} gives each model's downloads between two snapshots, from the
 *       difference of all-time counts; what cannot be known is {@code null}, never 0.
 * </ul>
 *
 * <p><b>Never add up 30-day counts.</b> Two readings less than 30 days apart count the same downloads twice, and
 * readings further apart miss the days between. This package offers no way to sum {@code last30Days} over
 * snapshots, on purpose.
 *
 * <p><b>First-year downloads</b> (the study's "downloads of new models") come from {@code downloadsAllTime} and
 * {@code createdAt} of a single snapshot: for a snapshot read at time T, keep the models with
 * {@code T − 365 days < createdAt ≤ T}; each one's {@code downloadsAllTime} then counts downloads received within a
 * year of its creation (younger models have had less time). Filtering by {@code createdAt} is the analytics layer's
 * job; with a series of snapshots, the reading to take for a model is the last snapshot completed by
 * {@code createdAt + 365 days}. Old repositories share the {@code createdAt} floor 2022-03-02T23:29:04Z, which is
 * older than any recent window, so they never count as new.
 */
@NullMarked
package io.hubshare.snapshot;

import org.jspecify.annotations.NullMarked;
