package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageCommandTest extends LocalHubTest {
  private static final String SAMPLE = "examples/data/hub-sample-2026-08.jsonl.gz";
  private static final ObjectMapper JSON = new ObjectMapper();

  private String takeTarget() throws InterruptedException {
    return takeGet().getTarget();
  }

  @Test
  void walksParentsThroughTheHubUpToTheRoot() throws Exception {
    server.enqueue(Recorded.json(Recorded.modelInfo("meta-llama__Llama-3.1-8B-Instruct__20250321T132837Z.json")));
    // The base as the list call sent it in the sample: the same model object, fewer fields.
    server.enqueue(Recorded.json(Recorded.sampleModel("meta-llama/Llama-3.1-8B")));

    CliRun.Result r = CliRun.run("lineage", "meta-llama/Llama-3.1-8B-Instruct", "--endpoint", endpoint,
        "--format", "json");

    assertThat(takeTarget()).isEqualTo("/api/models/meta-llama/Llama-3.1-8B-Instruct");
    assertThat(takeTarget()).isEqualTo("/api/models/meta-llama/Llama-3.1-8B");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(r.exitCode()).isZero();
    JsonNode l = JSON.readTree(r.out());
    assertThat(l.get("id").asText()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(l.get("chain")).hasSize(1);
    assertThat(l.get("chain").get(0).get("id").asText()).isEqualTo("meta-llama/Llama-3.1-8B");
    assertThat(l.get("chain").get(0).get("relation").asText()).isEqualTo("finetune");
    assertThat(l.get("chain").get(0).get("missing").asBoolean()).isFalse();
    assertThat(l.get("root").asText()).isEqualTo("meta-llama/Llama-3.1-8B");
    assertThat(l.get("end").asText()).isEqualTo("root");
  }

  @Test
  void aParentTheHubDoesNotKnowShowsAsMissing() throws Exception {
    server.enqueue(Recorded.json(Recorded.modelInfo("HuggingFaceH4__zephyr-7b-beta__20250321T132256Z.json")));
    server.enqueue(Recorded.repoNotFound());

    CliRun.Result r = CliRun.run("lineage", "HuggingFaceH4/zephyr-7b-beta", "--endpoint", endpoint);

    assertThat(takeTarget()).isEqualTo("/api/models/HuggingFaceH4/zephyr-7b-beta");
    assertThat(takeTarget()).isEqualTo("/api/models/mistralai/Mistral-7B-v0.1");
    assertThat(r.exitCode()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("step").contains("relation", "id", "developer", "note");
    assertThat(lines[2]).contains("HuggingFaceH4/zephyr-7b-beta", "Hugging Face (US)");
    assertThat(lines[3]).contains("finetune", "mistralai/Mistral-7B-v0.1", "Mistral AI (FR)", "missing");
  }

  @Test
  void aCycleShowsWhereTheWalkMetAnIdAgain() throws Exception {
    // Hand-made info bodies (the recordings hold no cycle): two models naming each other as base.
    server.enqueue(Recorded.json("{\"_id\":\"1\",\"id\":\"lab-a/m1\",\"author\":\"lab-a\","
        + "\"tags\":[\"base_model:lab-b/m2\",\"base_model:finetune:lab-b/m2\"]}"));
    server.enqueue(Recorded.json("{\"_id\":\"2\",\"id\":\"lab-b/m2\",\"author\":\"lab-b\","
        + "\"tags\":[\"base_model:lab-a/m1\",\"base_model:finetune:lab-a/m1\"]}"));

    CliRun.Result r = CliRun.run("lineage", "lab-a/m1", "--endpoint", endpoint, "--format", "json");

    assertThat(takeTarget()).isEqualTo("/api/models/lab-a/m1");
    assertThat(takeTarget()).isEqualTo("/api/models/lab-b/m2");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(r.exitCode()).isZero();
    JsonNode l = JSON.readTree(r.out());
    assertThat(l.get("chain")).hasSize(1);
    assertThat(l.get("end").asText()).isEqualTo("cycle");
    assertThat(l.get("repeated").asText()).isEqualTo("lab-a/m1");
  }

  @Test
  void aModelTheHubDoesNotKnowIsAnError() throws Exception {
    server.enqueue(Recorded.repoNotFound());

    CliRun.Result r = CliRun.run("lineage", "nobody/no-such-model", "--endpoint", endpoint);

    assertThat(takeTarget()).isEqualTo("/api/models/nobody/no-such-model");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("hubshare: model 'nobody/no-such-model' not found");
  }

  @Test
  void fromASnapshotNothingIsFetched() throws Exception {
    CliRun.Result r = CliRun.run("lineage", "AaryanK/Qwen3.5-9B-GGUF", "--from", SAMPLE, "--format", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode l = JSON.readTree(r.out());
    assertThat(l.get("chain")).hasSize(2);
    assertThat(l.get("chain").get(0).get("id").asText()).isEqualTo("Qwen/Qwen3.5-9B");
    assertThat(l.get("chain").get(0).get("relation").asText()).isEqualTo("quantized");
    assertThat(l.get("chain").get(1).get("id").asText()).isEqualTo("Qwen/Qwen3.5-9B-Base");
    assertThat(l.get("chain").get(1).get("missing").asBoolean()).isTrue();
    assertThat(l.get("end").asText()).isEqualTo("missing");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void snapshotErrorsAreOneLine(@TempDir Path dir) {
    CliRun.Result missing = CliRun.run("lineage", "a/b", "--from", dir.resolve("absent.jsonl.gz").toString());
    CliRun.Result both = CliRun.run("lineage", "a/b", "--from", SAMPLE, "--endpoint", endpoint);
    CliRun.Result unknown = CliRun.run("lineage", "nobody/nothing", "--from", SAMPLE);

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines())
        .containsExactly("hubshare: snapshot file '" + dir.resolve("absent.jsonl.gz") + "' not found");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.errLines()).containsExactly("hubshare: --from and --endpoint cannot be combined",
        "try 'hubshare lineage --help'");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.errLines()).containsExactly("hubshare: model 'nobody/nothing' not found in " + SAMPLE);
  }
}
