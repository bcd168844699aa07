package io.hubshare.hostile;

import static io.hubshare.hostile.HostileServer.json;
import static io.hubshare.hostile.HostileServer.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hubshare.HubClient;
import io.hubshare.error.HubException;
import io.hubshare.hub.ModelQuery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 10: a token read from {@code HF_TOKEN_PATH} never leaves, whatever the server echoes: not in a message, a
 * request id, a URL, a cause's message, a stack trace, or a DEBUG line.
 */
class HostileTokenTest extends HostileServerTest {
  private static final String TOKEN = Hostile.TOKEN;
  private final Logger transportLog = Logger.getLogger("io.hubshare.transport");
  private final List<String> logLines = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public synchronized void publish(LogRecord r) {
      logLines.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previous;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server.start();
    previous = transportLog.getLevel();
    transportLog.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    transportLog.addHandler(capture);
  }

  @AfterEach
  void stop() {
    transportLog.removeHandler(capture);
    transportLog.setLevel(previous);
    server.close();
  }

  /** A client whose token comes from a file named by HF_TOKEN_PATH, the way no screen-redaction expects. */
  private HubClient client() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    return HubClient.builder().environment(Map.of("HF_TOKEN_PATH", file.toString(), "HF_ENDPOINT", server.endpoint()))
        .systemProperties(Map.of()).clock(time).sleeper(time.sleeper()::sleep).maxRetries(0).build();
  }

  private static void assertNoToken(Throwable t) {
    assertThat(t).isNotNull();
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(TOKEN);
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertThat(String.valueOf(c.getMessage())).doesNotContain(TOKEN);
      if (c instanceof HubException h) {
        assertThat(String.valueOf(h.errorCode())).doesNotContain(TOKEN);
        assertThat(String.valueOf(h.requestId())).doesNotContain(TOKEN);
        assertThat(String.valueOf(h.url())).doesNotContain(TOKEN);
      }
    }
  }

  @Test
  void aRequestIdEchoingTheTokenIsMasked() throws Exception {
    server.on("/api/models/a/b", new MockResponse.Builder().code(404).addHeader("X-Request-Id", "req " + TOKEN)
        .addHeader("X-Error-Code", "Code" + TOKEN)
        .body("{\"error\":\"Repository not found\"}").build());
    try (HubClient hub = client()) {
      assertThat(hub.hasToken()).isTrue();
      Throwable t = catchThrowable(() -> hub.models().get("a/b"));
      assertThat(t).isInstanceOf(HubException.class);
      assertThat(((HubException) t).requestId()).contains("****");
      assertNoToken(t);
    }
    assertThat(server.requests().get(0).getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void anUnusableLocationHoldingTheTokenIsMasked() throws Exception {
    server.on("/api/models/a/b", new MockResponse.Builder().code(307)
        .addHeader("Location", "http://[" + TOKEN + "/x").build());
    try (HubClient hub = client()) {
      assertNoToken(catchThrowable(() -> hub.models().get("a/b")));
    }
  }

  @Test
  void aJsonParseErrorQuotingTheTokenIsMaskedInTheMessageAndTheCauses() throws Exception {
    server.on("/api/models/a/b", json("{\"id\": " + TOKEN + "}").build());
    server.on("/api/models?", json("[" + TOKEN + "]").build());
    try (HubClient hub = client()) {
      assertNoToken(catchThrowable(() -> hub.models().get("a/b")));
      assertNoToken(catchThrowable(() -> hub.models().list(ModelQuery.builder().build()).stream().count()));
    }
  }

  @Test
  void aRedirectAndALinkCarryingTheTokenAreMaskedInLogsAndErrors() throws Exception {
    server.on("/api/models/a/b", new MockResponse.Builder().code(307)
        .addHeader("Location", "/api/models/a/c?token=" + TOKEN).build());
    server.on("/api/models/a/c", json(model("a/c", 1)).build());
    server.on("/api/models?", json("[]").addHeader("Link", "</api/models?cursor=" + TOKEN + ">; rel=\"next\"").build());
    server.on("/api/models?cursor=", json("[]").addHeader("Link", "</api/models?cursor=" + TOKEN + ">; rel=\"next\"")
        .build());
    try (HubClient hub = client()) {
      hub.models().get("a/b");
      assertNoToken(catchThrowable(() -> hub.models().list(ModelQuery.builder().build()).stream().count()));
    }
    assertThat(logLines).isNotEmpty().noneMatch(l -> l.contains(TOKEN));
    assertThat(String.join("\n", logLines)).contains("****");
  }

  @Test
  void anErrorBodyEchoingTheTokenIsMasked() throws Exception {
    server.on("/api/models/a/b", new MockResponse.Builder().code(400)
        .body("{\"error\":\"bad token " + TOKEN + "\"}").build());
    try (HubClient hub = client()) {
      assertNoToken(catchThrowable(() -> hub.models().get("a/b")));
    }
  }
}
