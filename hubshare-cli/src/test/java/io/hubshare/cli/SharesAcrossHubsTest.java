package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shares --across-hubs}: one population over several hubs' snapshots, refused when it would mislead. */
class SharesAcrossHubsTest {
  private static final String SAMPLE = "examples/data/hub-sample-2026-08.jsonl.gz";

  @TempDir Path dir;

  /**
   * A snapshot file as a crawl writes it: the header, then each model as its hub's API sent it (Hugging Face's list
   * objects; ModelScope's OpenAPI items, as in fixtures/modelscope).
   */
  private Path snapshot(String name, String hub, String endpoint, String at, String... models) throws IOException {
    Path f = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      String header = "{\"format\":\"hubshare-snapshot\",\"formatVersion\":1,\"hub\":\"" + hub
          + "\",\"endpoint\":\"" + endpoint + "\",\"query\":\"\",\"startedAt\":\"" + at
          + "\",\"completedAt\":\"" + at + "\",\"count\":" + models.length + "}\n";
      out.write(header.getBytes(StandardCharsets.UTF_8));
      for (String m : models) out.write((m + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return f;
  }

  private Path huggingFace(String at) throws IOException {
    return snapshot("hf.jsonl.gz", "huggingface", "https://huggingface.co", at,
        "{\"id\":\"Qwen/Qwen3-8B\",\"author\":\"Qwen\",\"downloads\":900,\"downloadsAllTime\":5000}",
        "{\"id\":\"meta-llama/Llama-3.1-8B\",\"author\":\"meta-llama\",\"downloads\":800,"
            + "\"downloadsAllTime\":4000}");
  }

  private Path modelScope(String at) throws IOException {
    return snapshot("ms.jsonl.gz", "modelscope", "https://modelscope.cn", at,
        "{\"id\":\"qwen/Qwen3-8B\",\"downloads\":3000,\"likes\":10,\"tasks\":[\"text-generation\"]}",
        "{\"id\":\"LLM-Research/Meta-Llama-3.1-8B\",\"downloads\":1000,\"likes\":2}");
  }

  @Test
  void allTimeDownloadsOfBothHubsMakeOnePopulation() throws IOException {
    CliRun.Result r = CliRun.run("shares", "--by", "country", "--metric", "downloads-all-time", "--across-hubs",
        "--from", huggingFace("2026-08-01T00:00:00Z").toString(),
        "--from", modelScope("2026-08-03T00:00:00Z").toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.toString()).contains("\"CN\"").contains("\"US\"");
    assertThat(r.out()).contains("8000").contains("4000");
    assertThat(json.path("total").asLong()).isEqualTo(13_000L);

    CliRun.Result byHub = CliRun.run("shares", "--by", "hub", "--metric", "downloads-all-time", "--across-hubs",
        "--from", dir.resolve("hf.jsonl.gz").toString(), "--from", dir.resolve("ms.jsonl.gz").toString(),
        "--format", "csv");
    assertThat(byHub.out()).contains("huggingface").contains("modelscope").contains("9000");
  }

  @Test
  void thirtyDayDownloadsBesideModelScopesAllTimeOnesAreRefused() throws IOException {
    CliRun.Result r = CliRun.run("shares", "--by", "country", "--across-hubs",
        "--from", huggingFace("2026-08-01T00:00:00Z").toString(),
        "--from", modelScope("2026-08-01T00:00:00Z").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("ModelScope gives no downloads (30 days)").contains("downloads-all-time");
    assertThat(r.out()).as("no table is printed for a refused comparison").isEmpty();
  }

  @Test
  void snapshotsOfDifferentMomentsAreRefusedWithTheirDates() throws IOException {
    CliRun.Result r = CliRun.run("shares", "--by", "country", "--metric", "downloads-all-time", "--across-hubs",
        "--from", huggingFace("2026-06-01T00:00:00Z").toString(),
        "--from", modelScope("2026-08-01T00:00:00Z").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("61 days apart").contains("within 7 days");
  }

  @Test
  void twoSnapshotsOfOneHubAreNotAPopulationAcrossHubs() {
    CliRun.Result r = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--from", SAMPLE, "--across-hubs");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("each hub gives one snapshot; Hugging Face has 2");
  }

  @Test
  void oneSnapshotIsRefusedBeforeAnythingIsRead() {
    CliRun.Result r = CliRun.run("shares", "--by", "hub", "--from", SAMPLE, "--across-hubs");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--across-hubs needs a snapshot of each hub");
  }

  @Test
  void theHubDimensionNamesTheHubOfEveryModel() {
    CliRun.Result r = CliRun.run("shares", "--by", "hub", "--from", SAMPLE, "--format", "csv");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("huggingface").contains("Hugging Face").doesNotContain("modelscope");
  }
}
