package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Model;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlCommandTest extends LocalHubTest {
  /** 25 real models of the sample, the first with a GGUF tag on. */
  private static final List<String> MODELS = first25();

  private ListingDispatcher hub;

  @TempDir
  Path dir;

  private static List<String> first25() {
    AtomicInteger n = new AtomicInteger();
    return Recorded.sampleLines(l -> n.incrementAndGet() <= 25);
  }

  @BeforeEach
  void serveTheListing() {
    hub = new ListingDispatcher(MODELS);
    server.setDispatcher(hub);
  }

  private static List<String> ids(Path file) throws Exception {
    try (Snapshot s = Snapshots.open(file)) {
      return s.stream().map(Model::id).collect(Collectors.toList());
    }
  }

  private static List<String> expectedIds() {
    return MODELS.stream().map(l -> Json.parse(l).get("id").asText()).collect(Collectors.toList());
  }

  @Test
  void crawlsEveryPageIntoASnapshotWithTheFieldsSharesNeed() throws Exception {
    Path out = dir.resolve("hub.jsonl.gz");

    CliRun.Result r = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--endpoint", endpoint);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("crawl: wrote 25 models in 3 pages to " + out);
    assertThat(hub.requests).hasSize(3);
    HttpUrl first = hub.requests.get(0);
    assertThat(first.encodedPath()).isEqualTo("/api/models");
    assertThat(first.queryParameter("limit")).isEqualTo("10");
    assertThat(first.queryParameter("cursor")).isNull();
    assertThat(first.queryParameterValues("expand")).containsExactlyElementsOf(QueryOptions.DEFAULT_EXPAND);
    assertThat(hub.requests.get(1).queryParameter("cursor")).isEqualTo("offset-10");
    assertThat(hub.requests.get(2).queryParameter("cursor")).isEqualTo("offset-20");
    assertThat(ids(out)).containsExactlyElementsOf(expectedIds());
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("hub.jsonl.gz");
  }

  @Test
  void queryOptionsReachTheHub() throws Exception {
    Path out = dir.resolve("q.jsonl.gz");

    CliRun.Result r = CliRun.run("crawl", "--out", out.toString(), "--endpoint", endpoint, "--author", "Qwen",
        "--search", "GGUF", "--filter", "gguf", "--filter", "license:apache-2.0", "--pipeline-tag",
        "text-generation", "--sort", "downloads", "--expand", "author,downloadsAllTime", "--expand", "createdAt",
        "--limit", "12", "--page-size", "5");

    assertThat(r.exitCode()).isZero();
    HttpUrl first = hub.requests.get(0);
    assertThat(first.queryParameter("author")).isEqualTo("Qwen");
    assertThat(first.queryParameter("search")).isEqualTo("GGUF");
    assertThat(first.queryParameterValues("filter")).containsExactly("gguf", "license:apache-2.0");
    assertThat(first.queryParameter("pipeline_tag")).isEqualTo("text-generation");
    assertThat(first.queryParameter("sort")).isEqualTo("downloads");
    assertThat(first.queryParameterValues("expand")).containsExactly("author", "downloadsAllTime", "createdAt");
    // The dispatcher does not filter: the limit alone stops the crawl, after three pages.
    assertThat(ids(out)).hasSize(12);
    assertThat(hub.requests).hasSize(3);
  }

  @Test
  void aCrawlThatFailedResumesFromItsLastPage() throws Exception {
    Path out = dir.resolve("hub.jsonl.gz");
    hub.failOnce(1);

    CliRun.Result failed = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--endpoint", endpoint);

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.errLines()).hasSize(1);
    assertThat(failed.err()).startsWith("hubshare: ").contains("503");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("hub.jsonl.gz.checkpoint")).exists();

    CliRun.Result again = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--endpoint", endpoint);

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.errLines()).containsExactly("hubshare: an interrupted crawl of " + out + " left its pages in "
        + out + ".partial: run the same command with --resume to continue it, or delete " + out + ".partial and "
        + out + ".checkpoint to start again");

    int before = hub.requests.size();
    CliRun.Result resumed = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--endpoint", endpoint,
        "--resume");

    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.errLines()).containsExactly("crawl: wrote 25 models in 3 pages to " + out + " (resumed)");
    assertThat(hub.requests.get(before).queryParameter("cursor")).as("starts from the saved cursor")
        .isEqualTo("offset-10");
    assertThat(ids(out)).containsExactlyElementsOf(expectedIds());
    assertThat(dir.resolve("hub.jsonl.gz.checkpoint")).doesNotExist();
  }

  @Test
  void aCrawlWhoseFirstPageFailedSimplyRunsAgain() throws Exception {
    Path out = dir.resolve("hub.jsonl.gz");
    hub.failOnce(0);

    CliRun.Result failed = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--endpoint", endpoint);

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.errLines()).hasSize(1);
    assertThat(failed.err()).contains("503");
    assertThat(Files.list(dir)).as("nothing left to resume").isEmpty();

    CliRun.Result again = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--endpoint", endpoint);

    assertThat(again.exitCode()).isZero();
    assertThat(again.errLines()).containsExactly("crawl: wrote 25 models in 3 pages to " + out);
    assertThat(ids(out)).containsExactlyElementsOf(expectedIds());
  }

  @Test
  void noMessageSpeaksOfTheLibrarysBuilders() throws Exception {
    Path out = dir.resolve("hub.jsonl.gz");
    hub.failOnce(1);
    CliRun.Result failed = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--endpoint", endpoint);
    CliRun.Result interrupted = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--endpoint",
        endpoint);
    CliRun.Result otherQuery = CliRun.run("crawl", "--out", out.toString(), "--page-size", "10", "--author", "Qwen",
        "--resume", "--endpoint", endpoint);
    Files.writeString(dir.resolve("taken.jsonl.gz"), "x");
    CliRun.Result exists = CliRun.run("crawl", "--out", dir.resolve("taken.jsonl.gz").toString(), "--endpoint",
        endpoint);

    for (CliRun.Result r : List.of(failed, interrupted, otherQuery, exists)) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).doesNotContain("CrawlOptions", "builder", "resume(", "overwrite(", "pass resume",
          "pass overwrite");
    }
    assertThat(otherQuery.err()).contains("author=Qwen");
  }

  @Test
  void anExistingSnapshotIsKeptUnlessOverwriteIsAsked() throws Exception {
    Path out = dir.resolve("hub.jsonl.gz");
    Files.writeString(out, "precious");

    CliRun.Result refused = CliRun.run("crawl", "--out", out.toString(), "--endpoint", endpoint);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines()).containsExactly("hubshare: " + out + " exists: add --overwrite to replace it, or "
        + "choose another --out");
    assertThat(Files.readString(out)).isEqualTo("precious");

    CliRun.Result replaced = CliRun.run("crawl", "--out", out.toString(), "--endpoint", endpoint, "--overwrite");

    assertThat(replaced.exitCode()).isZero();
    assertThat(ids(out)).hasSize(25);
  }

  @Test
  void badListingOptionsAreUsageErrorsAndSendNothing() {
    String out = dir.resolve("x.jsonl.gz").toString();

    CliRun.Result both = CliRun.run("crawl", "--out", out, "--full", "--expand", "author", "--endpoint", endpoint);
    CliRun.Result page = CliRun.run("crawl", "--out", out, "--page-size", "5000", "--endpoint", endpoint);
    CliRun.Result sort = CliRun.run("crawl", "--out", out, "--sort", "popularity", "--endpoint", endpoint);
    CliRun.Result noOut = CliRun.run("crawl", "--endpoint", endpoint);

    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).startsWith("hubshare: --full and --expand cannot be combined");
    assertThat(page.exitCode()).isEqualTo(2);
    assertThat(page.err())
        .startsWith("hubshare: invalid value for option '--page-size': pageSize must be between 1 and 1000");
    assertThat(sort.exitCode()).isEqualTo(2);
    assertThat(sort.err()).startsWith("hubshare: invalid value for option '--sort': unknown sort 'popularity'");
    assertThat(noOut.exitCode()).isEqualTo(2);
    assertThat(noOut.errLines()).containsExactly("hubshare: missing required option: '--out=FILE'",
        "try 'hubshare crawl --help'");
    assertThat(hub.requests).isEmpty();
  }
}
