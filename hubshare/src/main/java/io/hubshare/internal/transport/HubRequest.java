package io.hubshare.internal.transport;

import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One GET to send, and what it is about, so that errors can name it ("model 'a/b' not found").
 *
 * @param url the full URL, parameters already encoded
 * @param kind what the request reads
 * @param subject the repository id or account name it concerns, if any
 * @param revision the revision asked for, if any
 */
public record HubRequest(HttpUrl url, Kind kind, @Nullable String subject, @Nullable String revision) {

  /** What a request reads; decides how a 401/404 is reported. */
  public enum Kind {
    MODEL_INFO,
    MODEL_LIST,
    ACCOUNT
  }

  public HubRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
  }
}
