package io.hubshare.internal.transport;

import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps {@code Retry-After} away from OkHttp's own follow-up logic, which reads it on a 503 (and a 408) before
 * hubshare sees the response: forty digits there throw a raw {@link NumberFormatException} out of the call, and
 * {@code Retry-After: 0} makes OkHttp repeat the request silently, past {@code maxRetries}. As a network
 * interceptor this sees the response first and moves the header to {@link #MOVED}, where only hubshare reads it.
 */
final class RetryAfterGuard implements Interceptor {
  /** Where the hub's {@code Retry-After} of a 503 or 408 is kept. */
  static final String MOVED = "X-Hubshare-Retry-After";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    int code = response.code();
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null || (code != 503 && code != 408)) return response;
    Headers.Builder headers = response.headers().newBuilder().removeAll("Retry-After");
    try {
      headers.addUnsafeNonAscii(MOVED, retryAfter);
    } catch (IllegalArgumentException unusable) {
      // A value no header may hold (a control character): as good as absent.
    }
    return response.newBuilder().headers(headers.build()).build();
  }
}
