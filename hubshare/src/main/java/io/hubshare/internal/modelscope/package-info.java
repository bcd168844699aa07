/**
 * ModelScope's side of the hub seam: its OpenAPI ({@code /openapi/v1/models}, page numbers under a cap of 3,000
 * results per query, the {@code success/data/message} envelope, a bearer token) and its legacy API
 * ({@code /api/v1/models/{owner}/{name}}, the {@code Code/Data/Message/RequestId/Success} envelope, the session
 * cookie), as the official SDKs call them (modelscope_hub at {@code 26921de}, modelscope {@code v1.37.1}; see
 * {@code docs/modelscope.md}). Internal: not exported by the module.
 *
 * <p>Bodies are read with Jackson's tree model, and each model's {@code rawJson} is the exact slice of the body the
 * hub sent. Failures surface as {@link io.hubshare.internal.protocol.WireFormatException} (turned into
 * {@link io.hubshare.error.MalformedResponseException} with the URL and request id), or, for the errors ModelScope
 * reports inside HTTP 200 bodies, as the same exceptions a failed status would give.
 */
@NullMarked
package io.hubshare.internal.modelscope;

import org.jspecify.annotations.NullMarked;
