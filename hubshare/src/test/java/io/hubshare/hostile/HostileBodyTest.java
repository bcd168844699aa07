package io.hubshare.hostile;

import static io.hubshare.hostile.HostileServer.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.HubClient;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Cases 2 and 3 on the wire: every call ends within its deadline, and no body grows past its bound. */
class HostileBodyTest extends HostileServerTest {




  @Test
  void aBodyDrippingOneByteAtATimeEndsAtTheCallDeadlineThoughNoReadTimesOut() {
    server.on("/api/models", HostileServer.drip(page("a/one", "a/two"), Duration.ofMillis(100)));
    try (HubClient hub = Hostile.client(server, time).readTimeout(Duration.ofSeconds(2))
        .callTimeout(Duration.ofMillis(800)).build()) {
      long started = System.nanoTime();
      Throwable t = catchThrowable(() -> hub.models().list(listing(2)).pages().iterator().next());
      long ms = (System.nanoTime() - started) / 1_000_000;

      System.out.println("a body dripping a byte every 100 ms ended at the 800 ms deadline in " + ms + " ms");
      assertThat(t).isInstanceOf(TransportException.class).hasMessageContaining("800 ms");
      assertThat(ms).isLessThan(3_000);
    }
  }

  @Test
  void anEndlessChunkedBodyIsCutAtTheBodyBound() {
    server.on("/api/models", HostileServer.endlessChunked());
    try (HubClient hub = Hostile.client(server, time).maxBodySize(1 << 20).build()) {
      Throwable t = catchThrowable(() -> hub.models().list(listing(2)).pages().iterator().next());

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("1 MiB");
    }
  }

  @Test
  void aGzipBombIsCutAtTheDefaultBoundAfterDecompressionInAFewSeconds() {
    server.on("/api/models", HostileServer.gzipBomb(4L << 30));
    try (HubClient hub = Hostile.client(server, time).build()) {
      long started = System.nanoTime();
      Throwable t = catchThrowable(() -> hub.models().list(listing(2)).pages().iterator().next());
      long ms = (System.nanoTime() - started) / 1_000_000;

      System.out.println("a 4 GiB gzip bomb cut at 32 MiB in " + ms + " ms");
      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("32 MiB");
      assertThat(ms).isLessThan(10_000);
    }
  }
}
