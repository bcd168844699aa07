package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.snapshot.CrawlCoverage;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hubshare crawl --hub modelscope}: a partitioned crawl of ModelScope's OpenAPI listing, its coverage on
 * stderr and beside the snapshot, and {@code --resume} after a failure.
 */
class ModelScopeCrawlCommandTest extends LocalHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<HttpUrl> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile int failAt = -1;

  @TempDir
  Path dir;

  /** 120 models, paged by number as ModelScope pages them, with their total. */
  @BeforeEach
  void serveTheListing() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        requests.add(url);
        if (requests.size() == failAt) return new MockResponse.Builder().code(503).body("busy").build();
        int number = Integer.parseInt(url.queryParameter("page_number"));
        int size = Integer.parseInt(url.queryParameter("page_size"));
        if (size > 50 || number * size > 3000) return new MockResponse.Builder().code(400).build();
        ObjectNode data = JSON.createObjectNode();
        ArrayNode models = data.putArray("models");
        for (int i = (number - 1) * size; i < Math.min(number * size, 120); i++) {
          models.addObject().put("id", String.format("org-%d/model-%03d", i % 7, i)).put("downloads", 1000 - i)
              .put("likes", i % 10).put("created_at", 1726650662L + i).put("license", "Apache License 2.0")
              .putArray("tasks").add("text-generation");
        }
        data.put("total_count", 120).put("page_number", number).put("page_size", size);
        ObjectNode body = JSON.createObjectNode().put("success", true).put("message", "success");
        body.set("data", data);
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body(body.toString()).build();
      }
    });
  }

  @Test
  void crawlsModelScopeIntoASnapshotWithItsCoverage() throws Exception {
    Path out = dir.resolve("ms.jsonl.gz");

    CliRun.Result r = CliRun.run("crawl", "--hub", "modelscope", "--endpoint", endpoint, "--out", out.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.errLines()).containsExactly("crawl: wrote 120 models in 3 pages to " + out,
        "coverage: 120 of 120 listed models (100.0 %) in 1 part");
    assertThat(requests).extracting(HttpUrl::encodedPath).containsOnly("/openapi/v1/models");
    assertThat(requests).extracting(u -> u.queryParameter("page_number")).containsExactly("1", "2", "3");
    assertThat(requests).extracting(u -> u.queryParameter("page_size")).containsOnly("50");
    assertThat(requests).allMatch(u -> u.queryParameter("expand") == null);
    try (Snapshot s = Snapshots.open(out)) {
      assertThat(s.header().hub()).isEqualTo("modelscope");
      assertThat(s.header().note()).contains("partitioned crawl");
      List<Model> models = s.stream().toList();
      assertThat(models).hasSize(120).allMatch(m -> m.hub().equals(Hub.MODELSCOPE));
      assertThat(models.get(0).downloads().allTime()).isEqualTo(1000L);
    }
    JsonNode coverage = JSON.readTree(Files.readString(dir.resolve("ms.jsonl.gz.coverage.json")));
    assertThat(coverage.path("complete").asBoolean()).isTrue();
  }

  @Test
  void aModelScopeCrawlThatFailedResumes() throws Exception {
    Path out = dir.resolve("ms.jsonl.gz");
    failAt = 2;
    CliRun.Result failed = CliRun.run("crawl", "--hub", "ms", "--endpoint", endpoint, "--out", out.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains("503");
    assertThat(dir.resolve("ms.jsonl.gz.parts")).exists();

    CliRun.Result resumed = CliRun.run("crawl", "--hub", "ms", "--endpoint", endpoint, "--out", out.toString(),
        "--resume");
    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.errLines()[0]).isEqualTo("crawl: wrote 120 models in 3 pages to " + out + " (resumed)");
    assertThat(requests.get(2).queryParameter("page_number")).as("resumed at the failed page").isEqualTo("2");
  }

  @Test
  void aTokenFromTheModelScopeVariableTravelsAsABearerAndNeverReachesTheScreen() throws Exception {
    Path out = dir.resolve("ms.jsonl.gz");
    String token = "ms-SecretTokenOfTheCommandLineTest";
    failAt = 1;
    CliRun.Result r = CliRun.run(CliRun.context(Map.of("MODELSCOPE_API_TOKEN", token)), "crawl", "--hub",
        "modelscope", "--endpoint", endpoint, "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    assertThat(r.out() + r.err()).doesNotContain(token);
  }

  @Test
  void anUnknownHubIsAUsageError() {
    CliRun.Result r = CliRun.run("crawl", "--hub", "nowhere", "--endpoint", endpoint, "--out",
        dir.resolve("x.jsonl.gz").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nowhere");
    assertThat(requests).isEmpty();
  }

  @Test
  void whatStaysOutOfReachIsListedPartByPart() {
    CrawlCoverage c = new CrawlCoverage(9040L, 8600, List.of(
        new CrawlCoverage.Part("", 9040L, 7000, CrawlCoverage.Status.SPLIT, "pipelineTag", 6, 40),
        new CrawlCoverage.Part("pipelineTag=feature-extraction&license=other", 3400L, 3000,
            CrawlCoverage.Status.CAPPED, null, 0, 0)));
    StringWriter err = new StringWriter();
    CrawlCommand.report(c, new PrintWriter(err, true));
    assertThat(err.toString().lines()).containsExactly(
        "coverage: 8,600 of 9,040 listed models (95.1 %) in 2 parts; 1 part still capped; 1 split with a gap",
        "  capped: pipelineTag=feature-extraction&license=other: reached 3,000 of 3,400",
        "  gap: (all models) split by pipelineTag: at least 40 models in none of its 6 parts");
  }
}
