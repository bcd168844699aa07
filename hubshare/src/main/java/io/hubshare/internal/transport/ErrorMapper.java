package io.hubshare.internal.transport;

import io.hubshare.error.HubException;

/**
 * Turns a failed response (after retries) into the {@link HubException} subclass that names it. Each hub has its own
 * (its error codes, its way of saying "not found"); {@link CommonErrors} holds what every hub shares.
 */
@FunctionalInterface
public interface ErrorMapper {
  /**
   * @param request what was asked
   * @param response the failed response, its body already scrubbed of the token
   * @param tokenSent whether the token went with the request (so the message can say whether one would help)
   */
  HubException map(HubRequest request, Exchange response, boolean tokenSent);
}
