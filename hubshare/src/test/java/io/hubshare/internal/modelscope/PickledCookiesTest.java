package io.hubshare.internal.modelscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token from ModelScope's credentials file, read from real pickles without running them. */
class PickledCookiesTest {
  private static final String TOKEN = "ms-5f0c1e2d-test-token-not-real";
  private static final Instant BEFORE_EXPIRY = Instant.parse("2026-08-30T00:00:00Z");
  private static final Instant AT_EXPIRY = Instant.parse("2026-09-21T14:13:20Z");

  static byte[] pickle(String name) {
    try (InputStream in = PickledCookiesTest.class.getResourceAsStream("/fixtures/modelscope/credentials/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5})
  void theSessionCookieIsFoundInEveryPickleProtocol(int protocol) {
    assertThat(PickledCookies.sessionToken(pickle("save-token-protocol-" + protocol + ".pickle"), BEFORE_EXPIRY))
        .isEqualTo(TOKEN);
  }

  @Test
  void fieldNamesSharedThroughTheMemoAreFollowed() {
    assertThat(PickledCookies.sessionToken(pickle("login-jar.pickle"), BEFORE_EXPIRY)).isEqualTo(TOKEN);
  }

  @Test
  void anExpiredSessionIsNoToken() {
    assertThat(PickledCookies.sessionToken(pickle("save-token-protocol-4.pickle"), AT_EXPIRY)).isNull();
    assertThat(PickledCookies.sessionToken(pickle("expired.pickle"), BEFORE_EXPIRY)).isNull();
  }

  @Test
  void aJarWithoutTheSessionCookieIsNoToken() {
    assertThat(PickledCookies.sessionToken(pickle("no-session.pickle"), BEFORE_EXPIRY)).isNull();
  }

  @Test
  void aPickleThatWouldRunCodeIsOnlyReadAndHoldsNoToken() {
    assertThat(PickledCookies.sessionToken(pickle("malicious.pickle"), BEFORE_EXPIRY)).isNull();
  }

  @Test
  void damagedOrHostileBytesNeverThrow() {
    byte[] good = pickle("login-jar.pickle");
    for (int cut = 0; cut < good.length; cut += 7) {
      assertThat(PickledCookies.sessionToken(Arrays.copyOf(good, cut), BEFORE_EXPIRY)).isNull();
    }
    byte[] flipped = good.clone();
    for (int i = 20; i < flipped.length; i += 13) flipped[i] ^= 0x5a;
    PickledCookies.sessionToken(flipped, BEFORE_EXPIRY);
    assertThat(PickledCookies.sessionToken(new byte[PickledCookies.MAX_BYTES + 1], BEFORE_EXPIRY)).isNull();
    assertThat(PickledCookies.sessionToken("not a pickle".getBytes(), BEFORE_EXPIRY)).isNull();
  }

  @Test
  void exponentiallySharedContainersAreWalkedOnce() {
    // L(k) = [L(k-1), L(k-1)] for 40 levels through the memo: 2^40 paths to the innermost list, 41 lists.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x80, 4, ']', (byte) 0x94});
    for (int k = 1; k <= 40; k++) {
      out.writeBytes(new byte[] {']', (byte) 0x94, '(', 'h', (byte) (k - 1), 'h', (byte) (k - 1), 'e'});
    }
    out.write('.');
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> PickledCookies.sessionToken(out.toByteArray(), BEFORE_EXPIRY))).isNull();
  }
}
