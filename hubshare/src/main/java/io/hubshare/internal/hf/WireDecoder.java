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

  /**
   * {@code model} if it is the one asked for: its id is {@code asked}, ignoring case as the Hub does, or, after a
   * redirect (a renamed repository), the id the final URL names. Anything else (a poisoned cache entry, a mirror
   * that answers with another model) is a malformed response: returning it would credit another model's numbers.
   */
  static Model requireAsked(Model model, String asked, HubResponse r) {
    if (model.id().equalsIgnoreCase(asked)) return model;
    String path = r.url().encodedPath();
    int revision = path.indexOf("/revision/");
    String named = revision < 0 ? path : path.substring(0, revision);
    String id = "/" + model.id();
    if (named.length() >= id.length() && named.regionMatches(true, named.length() - id.length(), id, 0, id.length())) {
      return model; // renamed: the hub redirected to the model's new name, which the final URL names
    }
    throw new MalformedResponseException("asked for model '" + asked + "', the hub answered with '" + model.id()
        + "' (GET " + r.url().encodedPath() + ")", r.status(), null, r.requestId(), r.url().toString(), null);
  }

  /** The target of the {@code Link} header's {@code rel="next"} as written (it may be relative), or {@code null}. */
  static @Nullable String nextLink(HubResponse r) {
    List<String> values = r.headers().values("Link");
    if (values.isEmpty()) return null;
    try {
      return LinkHeader.next(String.join(", ", values));
    } catch (WireFormatException e) {
      throw new MalformedResponseException("unreadable Link header from GET " + r.url().encodedPath() + ": "
          + e.getMessage(), r.status(), null, r.requestId(), r.url().toString(), e);
    }
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
