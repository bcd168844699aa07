package io.hubshare.internal.transport;

import static io.hubshare.internal.transport.HubFixtures.INTERACTIONS;
import static io.hubshare.internal.transport.HubFixtures.header;
import static io.hubshare.internal.transport.HubFixtures.recorded;
import static io.hubshare.internal.transport.HubFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.error.OfflineException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ETag revalidation through the disk cache, and offline mode answering from it. */
class DiskCacheTest extends LocalServerTest {
  // Recorded 200 for google-bert/bert-base-uncased with a weak ETag, W/"1144-0lLZ4rZ6fR3gbhjw06/nTxkknu0".
  private static final JsonNode INFO = recorded(INTERACTIONS, 1);
  private static final String ETAG = header(INFO, "ETag");
  private static final String BODY = INFO.path("response_body").asText();
  // Another recorded 200 (t5-small) with another ETag: what a changed model looks like.
  private static final JsonNode OTHER = recorded(INTERACTIONS, 5);

  @TempDir Path cacheDir;

  @BeforeEach
  void cacheOnDisk() {
    config.diskCacheDir = cacheDir;
  }

  private HubRequest info() {
    return new HubRequest(server.url("/api/models/google-bert/bert-base-uncased"), HubRequest.Kind.MODEL_INFO,
        "google-bert/bert-base-uncased", null);
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(sent).isNotNull();
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/models/google-bert/bert-base-uncased");
    return sent;
  }

  @Test
  void aRepeatedRequestRevalidatesWithTheETagAndA304IsAnsweredFromTheCache() throws Exception {
    server.enqueue(response(INFO));
    server.enqueue(new MockResponse.Builder().code(304).addHeader("ETag", ETAG)
        .addHeader("RateLimit", "\"api\";r=498;t=290").build());
    try (OkHttpTransport transport = config.transport()) {
      HubResponse first = transport.get(info());
      HubResponse second = transport.get(info());

      assertThat(first.fromCache()).isFalse();
      assertThat(second.fromCache()).isTrue();
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).isEqualTo(BODY).isEqualTo(first.body());
      assertThat(second.url()).isEqualTo(info().url());
    }
    assertThat(take().getHeaders().get("If-None-Match")).isNull();
    RecordedRequest revalidation = take();
    assertThat(revalidation.getHeaders().get("If-None-Match")).isEqualTo(ETAG);
    assertThat(revalidation.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestConfig.TOKEN);
  }

  @Test
  void aChangedResourceReplacesTheCachedOne() throws Exception {
    server.enqueue(response(INFO));
    server.enqueue(response(OTHER));
    try (OkHttpTransport transport = config.transport()) {
      transport.get(info());
      HubResponse changed = transport.get(info());

      assertThat(changed.fromCache()).isFalse();
      assertThat(changed.body()).isEqualTo(OTHER.path("response_body").asText());
      assertThat(changed.header("ETag")).isEqualTo(header(OTHER, "ETag"));
    }
    take();
    assertThat(take().getHeaders().get("If-None-Match")).isEqualTo(ETAG);
  }

  @Test
  void offlineAnswersFromTheCacheWithoutTouchingTheNetwork() throws Exception {
    server.enqueue(response(INFO));
    try (OkHttpTransport online = config.transport()) {
      online.get(info());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);

    config.offline = true;
    try (OkHttpTransport offline = config.transport()) {
      HubResponse got = offline.get(info());
      assertThat(got.fromCache()).isTrue();
      assertThat(got.status()).isEqualTo(200);
      assertThat(got.body()).isEqualTo(BODY);
    }
    assertThat(server.getRequestCount()).as("no request in offline mode").isEqualTo(1);
    assertThat(take().getHeaders().get("If-None-Match")).isNull();
  }

  @Test
  void offlineWithoutTheAnswerCachedFailsClearly() {
    config.offline = true;
    try (OkHttpTransport offline = config.transport()) {
      assertThatThrownBy(() -> offline.get(info()))
          .isInstanceOfSatisfying(OfflineException.class, e -> {
            assertThat(e.statusCode()).isZero();
            assertThat(e.url()).isEqualTo(info().url().toString());
            assertThat(e).hasMessage("offline mode is on and GET"
                + " /api/models/google-bert/bert-base-uncased is not in the disk cache at " + cacheDir
                + ": run it once online to cache it");
          });
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void offlineWithoutADiskCacheFailsClearly() {
    config.offline = true;
    config.diskCacheDir = null;
    try (OkHttpTransport offline = config.transport()) {
      assertThatThrownBy(() -> offline.get(info()))
          .isInstanceOf(OfflineException.class)
          .hasMessageStartingWith("offline mode is on and no disk cache is configured");
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
