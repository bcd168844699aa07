package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;
import io.hubshare.domain.Account;
import io.hubshare.domain.Model;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.internal.transport.HubResponse;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads hub responses with the wire format of {@code io.hubshare.hf}. A body it cannot read becomes a
 * {@link MalformedResponseException} naming the URL, status and request id, which the wire format alone does not
 * know.
 */
final class WireDecoder {
  private WireDecoder() {}

  static Model model(HubResponse r) {
    return decode(r, HfModels::parse);
  }

  static List<Model> models(HubResponse r) {
    return decode(r, HfModels::parseList);
  }

  static Account organization(HubResponse r) {
    return decode(r, HfAccounts::parseOrganization);
  }

  static Account user(HubResponse r) {
    return decode(r, HfAccounts::parseUser);
  }

  /** The target of the {@code Link} header's {@code rel="next"} as written (it may be relative), or {@code null}. */
  static @Nullable String nextLink(HubResponse r) {
    List<String> values = r.headers().values("Link");
    return values.isEmpty() ? null : LinkHeader.next(String.join(", ", values));
  }

  private static <T> T decode(HubResponse r, Function<String, T> reader) {
    try {
      return reader.apply(r.body());
    } catch (WireFormatException e) {
      throw new MalformedResponseException("unreadable response from GET " + r.url().encodedPath() + ": "
          + e.getMessage(), r.status(), null, r.requestId(), r.url().toString(), e);
    }
  }
}
