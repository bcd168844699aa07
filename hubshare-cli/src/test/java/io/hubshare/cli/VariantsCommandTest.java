package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class VariantsCommandTest extends LocalHubTest {
  private static final String BASE = "meta-llama/Llama-3.1-8B-Instruct";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The sample's children of the base, most downloaded first, as the Hub sorts them. */
  private static List<String> children(String tag, int limit) {
    return Recorded.sampleLines(l -> l.contains("\"" + tag + "\"")).stream()
        .sorted(Comparator.comparingLong(VariantsCommandTest::downloads).reversed())
        .limit(limit)
        .collect(Collectors.toList());
  }

  private static long downloads(String line) {
    try {
      return JSON.readTree(line).path("downloads").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpUrl takeUrl() throws InterruptedException {
    return takeGet().getUrl();
  }

  @Test
  void listsTheChildrenByTheBaseModelTagMostDownloadedFirst() throws Exception {
    List<String> page = children("base_model:" + BASE, 10);
    server.enqueue(Recorded.json(Recorded.page(page)));

    CliRun.Result r = CliRun.run("variants", BASE, "--limit", "10", "--endpoint", endpoint);

    HttpUrl url = takeUrl();
    assertThat(url.encodedPath()).isEqualTo("/api/models");
    assertThat(url.queryParameterValues("filter")).containsExactly("base_model:" + BASE);
    assertThat(url.queryParameter("sort")).isEqualTo("downloads");
    assertThat(url.queryParameter("limit")).isEqualTo("10");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2 + 10);
    assertThat(lines[0]).startsWith("id").contains("relation", "downloads", "likes", "created", "country");
    JsonNode first = JSON.readTree(page.get(0));
    assertThat(lines[2]).startsWith(first.get("id").asText() + " ")
        .contains(Numbers.grouped(first.get("downloads").asLong()));
  }

  @Test
  void relationNarrowsTheFilterAndJsonListsEachVariant() throws Exception {
    List<String> page = children("base_model:quantized:" + BASE, 100);
    assertThat(page).isNotEmpty();
    server.enqueue(Recorded.json(Recorded.page(page)));

    CliRun.Result r = CliRun.run("variants", BASE, "--relation", "QUANTIZED", "--format", "json",
        "--endpoint", endpoint);

    assertThat(takeUrl().queryParameterValues("filter")).containsExactly("base_model:quantized:" + BASE);
    assertThat(r.exitCode()).isZero();
    JsonNode out = JSON.readTree(r.out());
    assertThat(out.get("id").asText()).isEqualTo(BASE);
    assertThat(out.get("relation").asText()).isEqualTo("quantized");
    assertThat(out.get("variants")).hasSize(page.size());
    for (int i = 0; i < page.size(); i++) {
      JsonNode v = out.get("variants").get(i);
      JsonNode sent = JSON.readTree(page.get(i));
      assertThat(v.get("id").asText()).isEqualTo(sent.get("id").asText());
      assertThat(v.get("relation").asText()).isEqualTo("quantized");
      assertThat(v.get("downloads").asLong()).isEqualTo(sent.get("downloads").asLong());
      assertThat(v.has("author") && v.has("country") && v.has("likes") && v.has("createdAt")).isTrue();
    }
  }

  @Test
  void limitStopsTheListingEvenWhenTheHubSendsMore() throws Exception {
    server.enqueue(Recorded.json(Recorded.page(children("base_model:" + BASE, 8))));

    CliRun.Result r = CliRun.run("variants", BASE, "--limit", "3", "--format", "csv", "--endpoint", endpoint);

    assertThat(takeUrl().queryParameter("limit")).isEqualTo("3");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().split("\n")).hasSize(1 + 3);
    assertThat(r.out()).startsWith("id,relation,author,country,downloads,likes,createdAt,pipelineTag\n");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBaseWithoutVariantsPrintsAnEmptyTable() throws Exception {
    server.enqueue(Recorded.json("[]"));

    CliRun.Result r = CliRun.run("variants", "nobody/no-such-model", "--endpoint", endpoint);

    takeUrl();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().split("\n")).hasSize(2);
  }

  @Test
  void badArgumentsAreUsageErrorsAndSendNothing() {
    assertThat(CliRun.run("variants", BASE, "--relation", "original", "--endpoint", endpoint).exitCode())
        .isEqualTo(2);
    assertThat(CliRun.run("variants", BASE, "--limit", "0", "--endpoint", endpoint).exitCode()).isEqualTo(2);
    CliRun.Result badId = CliRun.run("variants", "a/b/c", "--endpoint", endpoint);
    assertThat(badId.exitCode()).isEqualTo(2);
    assertThat(badId.err()).startsWith("hubshare: not a valid repository id: 'a/b/c'");
    assertThat(server.getRequestCount()).isZero();
  }
}
