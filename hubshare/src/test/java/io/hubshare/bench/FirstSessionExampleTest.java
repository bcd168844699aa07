package io.hubshare.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/first-session.jsh} run in JShell, as examples/README.md says: against the stand-in hub over the
 * bundled sample it goes through every step, accounts included; with no hub to reach it stops at its first call
 * with one clear line.
 */
class FirstSessionExampleTest {
  private static final String SCRIPT = "examples/first-session.jsh";

  /** What one JShell run printed, and how long it took. */
  private record Run(String out, String err, Duration took) {}

  /** Runs the script with the JDK's own {@code jshell}, as a user would, its input closed. */
  private static Run jshell(String endpoint) throws Exception {
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Path out = Files.createTempFile("jshell", ".out");
    Path err = Files.createTempFile("jshell", ".err");
    try {
      long started = System.nanoTime();
      Process p = new ProcessBuilder(jshell.toString(), "--class-path", System.getProperty("java.class.path"),
          "-R-Dhubshare.endpoint=" + endpoint, "-R-Djava.awt.headless=true", SCRIPT)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("jshell still running after 3 minutes: " + Files.readString(out));
      }
      return new Run(Files.readString(out), Files.readString(err), Duration.ofNanos(System.nanoTime() - started));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void runsEveryStepAgainstTheStandInHubAccountsIncluded() throws Exception {
    try (StandInHub hub = StandInHub.start(StandInConfig.defaults())) {
      Run r = jshell(hub.url());

      assertThat(r.out()).contains(
          "HubClient[hub=huggingface, endpoint=" + hub.url(),
          "deepseek-ai/DeepSeek-R1 text-generation, downloads30d=",
          "all-time downloads: not sent by this hub; bases: [Qwen/Qwen3-8B-Base (finetune)]",
          "Model[Qwen/",
          "Page[50 items, next=",
          "Account[Qwen, organization, \"Alibaba\", models=35]",
          "Account[bartowski, user, \"bartowski\", models=12]",
          "Origin[account=deepseek-ai, organization=DeepSeek, country=CN",
          "crawled 35 models into target/qwen.jsonl.gz",
          "CacheStats[hits=1,");
      assertThat(r.out() + r.err()).doesNotContain("Exception", "Error", "cannot find symbol", "first-session.jsh:");
      // The crawl writes no log line into the session (java.util.logging would print INFO and above).
      assertThat(r.out() + r.err()).doesNotContain("INFO", "WARNING", "io.hubshare.snapshot");
      assertThat(hub.counters().accountRequests.get()).as("Qwen as an organisation; bartowski as one, then a user")
          .isEqualTo(3);
    }
  }

  @Test
  void withNoHubToReachItStopsAtOnceWithOneClearLine() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = s.getLocalPort();
    }

    Run r = jshell("http://127.0.0.1:" + dead);

    assertThat(r.out()).contains("first-session.jsh: cannot connect to 127.0.0.1:" + dead
        + " (Connection refused): GET http://127.0.0.1:" + dead + "/api/models/deepseek-ai/DeepSeek-R1 failed\n");
    assertThat(r.out()).as("stopped: no later step ran").doesNotContain("downloads30d", "Page[", "Account[",
        "cannot find symbol", "NullPointerException");
    // JShell itself takes a few seconds to start; what matters is that no step waited for a retry.
    assertThat(r.took()).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void theStandInAnswersAccountOverviewsInTheHubsShape() throws Exception {
    OkHttpClient http = new OkHttpClient();
    try (StandInHub hub = StandInHub.start(StandInConfig.defaults())) {
      try (Response org = http.newCall(new Request.Builder().url(hub.url() + "/api/organizations/qwen/overview")
          .build()).execute();
          Response asUser = http.newCall(new Request.Builder().url(hub.url() + "/api/users/Qwen/overview").build())
              .execute();
          Response user = http.newCall(new Request.Builder().url(hub.url() + "/api/users/bartowski/overview").build())
              .execute();
          Response nobody = http.newCall(new Request.Builder().url(hub.url()
              + "/api/organizations/no-such-account/overview").build()).execute()) {
        assertThat(org.code()).isEqualTo(200);
        assertThat(org.body().string()).isEqualTo("{\"name\":\"Qwen\",\"fullname\":\"Alibaba\",\"numModels\":35}");
        assertThat(asUser.code()).isEqualTo(404);
        assertThat(user.body().string())
            .isEqualTo("{\"user\":\"bartowski\",\"fullname\":\"bartowski\",\"numModels\":12,\"type\":\"user\"}");
        assertThat(nobody.code()).isEqualTo(404);
      }
    }
  }
}
