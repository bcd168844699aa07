package io.hubshare.hostile;

import static io.hubshare.hostile.HostileServer.json;
import static io.hubshare.hostile.HostileServer.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.HubClient;
import io.hubshare.domain.Model;
import io.hubshare.error.MalformedResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case 7: a bad body in the disk cache is evicted and fetched again; a model is the one asked for. */
class HostileCacheTest extends HostileServerTest {
  private static final String ETAG = "W/\"v1\"";
  @TempDir Path cache;



  private HubClient client() {
    return Hostile.client(server, time).diskCache(cache, 10L << 20).cacheTtl(java.time.Duration.ZERO).build();
  }

  @Test
  void aTruncatedBodyIsNotServedAgainAfterA304() {
    AtomicInteger served = new AtomicInteger();
    server.on("/api/models/a/b", r -> {
      if (r.getHeaders().get("If-None-Match") != null) return new MockResponse.Builder().code(304).build();
      return served.getAndIncrement() == 0
          ? json("{\"id\":\"a/b\",\"tags\":[").addHeader("ETag", ETAG).addHeader("Cache-Control", "no-cache").build()
          : json(model("a/b", 7)).addHeader("ETag", ETAG).addHeader("Cache-Control", "no-cache").build();
    });
    try (HubClient hub = client()) {
      assertThat(catchThrowable(() -> hub.models().get("a/b"))).isInstanceOf(MalformedResponseException.class);

      Model second = hub.models().get("a/b");

      assertThat(second.downloads().last30Days()).isEqualTo(7);
      assertThat(server.requests().get(1).getHeaders().get("If-None-Match")).as("the bad body was evicted").isNull();
    }
  }

  @Test
  void aCachedBodyDamagedOnDiskIsEvictedAndFetchedAgainInTheSameCall() throws IOException {
    server.on("/api/models/a/b", r -> r.getHeaders().get("If-None-Match") != null
        ? new MockResponse.Builder().code(304).addHeader("ETag", ETAG).build()
        : json(model("a/b", 7)).addHeader("ETag", ETAG).addHeader("Cache-Control", "no-cache").build());
    try (HubClient hub = client()) {
      hub.models().get("a/b");
      damageCachedBodies();

      Model again = hub.models().get("a/b");

      assertThat(again.downloads().last30Days()).isEqualTo(7);
      assertThat(server.requests()).hasSize(3);
      assertThat(server.requests().get(2).getHeaders().get("If-None-Match")).isNull();
    }
  }

  /** OkHttp keeps each body in a file named {@code <key>.1}: cut it to a prefix that is no JSON. */
  private void damageCachedBodies() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      List<Path> bodies = files.filter(f -> f.getFileName().toString().endsWith(".1")).toList();
      assertThat(bodies).isNotEmpty();
      for (Path f : bodies) Files.write(f, "{\"id\":\"a/b\",".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aBodyNamingAnotherModelIsAMalformedResponseNotThatModel() {
    server.on("/api/models/moonshotai/Kimi-K3", json(model("other/model", 999_999)).build());
    try (HubClient hub = client()) {
      Throwable t = catchThrowable(() -> hub.models().get("moonshotai/Kimi-K3"));

      assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("moonshotai/Kimi-K3")
          .hasMessageContaining("other/model");
    }
  }

  @Test
  void theSameModelSpeltInAnotherCaseAndARenameAreTheModelAskedFor() {
    server.on("/api/models/moonshotai/kimi-k3", json(model("moonshotai/Kimi-K3", 5)).build());
    server.on("/api/models/old/name", new MockResponse.Builder().code(307).addHeader("Location", "/api/models/new/Name")
        .build());
    server.on("/api/models/new/Name", json(model("new/Name", 6)).build());
    try (HubClient hub = client()) {
      assertThat(hub.models().get("moonshotai/kimi-k3").id()).isEqualTo("moonshotai/Kimi-K3");
      assertThat(hub.models().get("old/name").id()).isEqualTo("new/Name");
    }
  }
}
