package io.hubshare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.domain.Account;
import io.hubshare.domain.AccountType;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Model;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.transport.HubResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads hub bodies into domain records, and turns any unreadable body into a
 * {@link MalformedResponseException} that names the URL, status and request id.
 *
 * <p>Temporary reader: replaced by {@code io.hubshare.hf} once that package is available.
 */
final class WireDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

  private WireDecoder() {}

  static Model model(HubResponse r) {
    return decode(r, () -> toModel(tree(r)));
  }

  static List<Model> models(HubResponse r) {
    return decode(r, () -> {
      JsonNode array = tree(r);
      if (!array.isArray()) throw new IllegalStateException("expected an array of models");
      List<Model> out = new ArrayList<>();
      for (JsonNode n : array) out.add(toModel(n));
      return out;
    });
  }

  static Account organization(HubResponse r) {
    return decode(r, () -> account(tree(r), "name", AccountType.ORGANIZATION, r.body()));
  }

  static Account user(HubResponse r) {
    return decode(r, () -> account(tree(r), "user", AccountType.USER, r.body()));
  }

  /** The target of the {@code Link} header's {@code rel="next"}, or {@code null}. */
  static @Nullable String nextLink(HubResponse r) {
    String link = r.header("Link");
    if (link == null) return null;
    Matcher m = NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  private interface Reader<T> {
    T read() throws Exception;
  }

  private static <T> T decode(HubResponse r, Reader<T> reader) {
    try {
      return reader.read();
    } catch (Exception e) {
      throw new MalformedResponseException("unreadable response from " + r.url() + ": " + e.getMessage(), r.status(),
          null, r.requestId(), r.url().toString(), e);
    }
  }

  private static JsonNode tree(HubResponse r) throws Exception {
    return JSON.readTree(r.body());
  }

  private static Model toModel(JsonNode n) throws Exception {
    String id = text(n, "id");
    if (id == null) throw new IllegalStateException("model without id");
    List<String> tags = new ArrayList<>();
    n.path("tags").forEach(t -> tags.add(t.asText()));
    DownloadMetrics d = new DownloadMetrics(number(n, "downloads"), number(n, "downloadsAllTime"),
        number(n, "likes"), null);
    return new Model(id, text(n, "author"), text(n, "sha"), null, null, text(n, "pipeline_tag"),
        text(n, "library_name"), tags, null, null, null, null, null, d, List.of(), JSON.writeValueAsString(n));
  }

  private static Account account(JsonNode n, String nameField, AccountType type, String raw) {
    String name = text(n, nameField);
    if (name == null) throw new IllegalStateException("account without " + nameField);
    return new Account(name, type, text(n, "fullname"), type == AccountType.ORGANIZATION
        ? (n.has("isVerified") ? n.get("isVerified").asBoolean() : null) : null,
        number(n, "numModels"), number(n, "numFollowers"), raw);
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static @Nullable Long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? null : v.asLong();
  }
}
