/**
 * The domain: records for models, their lineage links, download metrics and accounts. No I/O here.
 *
 * <p><b>Absent is not zero.</b> A field the hub did not send is {@code null} (scalars) or empty (collections), never
 * 0 or {@code false}. Every nullable number or flag has a companion accessor that never unboxes a {@code null}:
 * {@code downloads().last30DaysOr(0)}, {@code parametersOr(0)}, {@code isPrivateOr(false)}.
 *
 * <p><b>Making values.</b> hubshare makes these records from what a hub sends. Code that makes them itself (tests,
 * custom indexes, imports) uses the builders and factories: {@link io.hubshare.domain.Model#builder},
 * {@link io.hubshare.domain.DownloadMetrics#of}, {@link io.hubshare.domain.BaseModel#of},
 * {@link io.hubshare.domain.Account#builder}, {@link io.hubshare.domain.Hub#of}. The records' canonical
 * constructors are public because Java requires it, but they are not part of the compatible API: adding a field
 * the hubs send adds a parameter to them, while a builder keeps compiling.
 */
@NullMarked
package io.hubshare.domain;

import org.jspecify.annotations.NullMarked;
