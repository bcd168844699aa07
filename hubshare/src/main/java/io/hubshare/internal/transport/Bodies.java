package io.hubshare.internal.transport;

import io.hubshare.error.MalformedResponseException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads a response body with a bound on its size after decompression: an endless chunked body, or a gzip bomb
 * (4 MB on the wire, 4 GB inflated), stops at the bound with a {@link MalformedResponseException} instead of
 * filling the heap. Only the bound plus one byte is ever buffered.
 */
final class Bodies {
  private Bodies() {}

  /**
   * The body's bytes, with the charset its {@code Content-Type} names (UTF-8 by default) to decode them in.
   *
   * @throws MalformedResponseException if it is larger than {@code maxBytes}
   * @throws IOException if reading fails (cut short, reset, timed out)
   */
  static Body read(Response response, long maxBytes, HttpUrl url) throws IOException {
    ResponseBody body = response.body();
    BufferedSource source = body.source();
    if (source.request(maxBytes + 1)) {
      throw new MalformedResponseException("the body of GET " + RetryLoop.pathOf(url) + " is larger than "
          + Limits.describeBytes(maxBytes) + " (after decompression; HTTP " + response.code()
          + "): hubshare reads at most that much (HubClient.Builder.maxBodySize)", response.code(),
          null, requestId(response), url.toString(), null);
    }
    MediaType type = body.contentType();
    Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    Buffer bytes = new Buffer();
    source.readAll(bytes); // the segments move over: nothing is copied
    return Body.of(bytes, charset);
  }

  private static String requestId(Response response) {
    String id = response.header("X-Request-Id");
    return id != null ? id : response.header("X-Amzn-Trace-Id");
  }
}
