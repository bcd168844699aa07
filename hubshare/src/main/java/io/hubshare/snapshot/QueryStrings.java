package io.hubshare.snapshot;

import io.hubshare.domain.Hub;
import io.hubshare.hub.ModelQuery;
import io.hubshare.internal.protocol.HubProtocol;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A listing's parameters as the query string a snapshot records: readable, yet unambiguous. */
final class QueryStrings {
  private static final String HEX = "0123456789ABCDEF";

  private QueryStrings() {}

  /**
   * The parameters {@code hub} is sent for {@code query}, in their stable order, without cursor or total limit. Only what would
   * break a query string is percent-encoded, so {@code filter=base_model:quantized:Qwen/Qwen3-8B} stays readable.
   */
  static String of(String hub, ModelQuery query) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : HubProtocol.of(Hub.of(hub)).describe(query)) {
      if (b.length() > 0) b.append('&');
      encode(e.getKey(), b);
      b.append('=');
      encode(e.getValue(), b);
    }
    return b.toString();
  }

  private static void encode(String s, StringBuilder b) {
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$'()*,;:@/?".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
      }
    }
  }
}
