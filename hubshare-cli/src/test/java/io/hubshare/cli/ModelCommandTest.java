package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ModelCommandTest extends LocalHubTest {
  private static final String LLAMA = "meta-llama__Llama-3.1-8B-Instruct__20250321T132837Z.json";
  private static final String TOKEN = "hf_ModelCommandTestToken0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void tableShowsTheModelAndItsUploadersOrigin() throws Exception {
    server.enqueue(Recorded.json(Recorded.modelInfo(LLAMA)));

    CliRun.Result r = CliRun.run("model", "meta-llama/Llama-3.1-8B-Instruct", "--endpoint", endpoint);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/api/models/meta-llama/Llama-3.1-8B-Instruct");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .containsPattern("(?m)^id +meta-llama/Llama-3.1-8B-Instruct$")
        .containsPattern("(?m)^origin +Meta \\(US, United States, industry\\)$")
        .containsPattern("(?m)^pipeline tag +text-generation$")
        .containsPattern("(?m)^relation +finetune$")
        .containsPattern("(?m)^base models +finetune:meta-llama/Llama-3.1-8B$")
        .containsPattern("(?m)^gated +manual$");
  }

  @Test
  void jsonHoldsTheHubsFieldsAndTheOrigin() throws Exception {
    server.enqueue(Recorded.json(Recorded.modelInfo(LLAMA)));
    JsonNode recorded = JSON.readTree(Recorded.modelInfo(LLAMA));

    CliRun.Result r = CliRun.run("model", "meta-llama/Llama-3.1-8B-Instruct", "--endpoint", endpoint,
        "--format", "json");

    take();
    assertThat(r.exitCode()).isZero();
    JsonNode m = JSON.readTree(r.out());
    assertThat(m.get("id").asText()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(m.get("author").asText()).isEqualTo("meta-llama");
    assertThat(m.get("downloads").asLong()).isEqualTo(recorded.get("downloads").asLong());
    assertThat(m.get("likes").asLong()).isEqualTo(recorded.get("likes").asLong());
    assertThat(m.get("downloadsAllTime").isNull()).as("not sent, so null, never 0").isTrue();
    assertThat(m.get("sha").asText()).isEqualTo(recorded.get("sha").asText());
    assertThat(m.get("relation").asText()).isEqualTo("finetune");
    assertThat(m.get("baseModels").get(0).get("id").asText()).isEqualTo("meta-llama/Llama-3.1-8B");
    assertThat(m.get("origin").get("organization").asText()).isEqualTo("Meta");
    assertThat(m.get("origin").get("country").asText()).isEqualTo("US");
  }

  @Test
  void rawPrintsTheBodyTheHubSent() throws Exception {
    server.enqueue(Recorded.json(Recorded.modelInfo(LLAMA)));

    CliRun.Result r = CliRun.run("model", "meta-llama/Llama-3.1-8B-Instruct", "--endpoint", endpoint, "--raw");

    take();
    assertThat(r.exitCode()).isZero();
    assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree(Recorded.modelInfo(LLAMA)));
  }

  @Test
  void aRevisionIsAskedFor() throws Exception {
    server.enqueue(Recorded.json(Recorded.modelInfo(LLAMA)));

    CliRun.Result r = CliRun.run("model", "meta-llama/Llama-3.1-8B-Instruct", "--revision", "refs/pr/1",
        "--endpoint", endpoint);

    assertThat(take().getTarget())
        .isEqualTo("/api/models/meta-llama/Llama-3.1-8B-Instruct/revision/refs%2Fpr%2F1");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aModelTheHubDoesNotKnowIsOneLineAndExitCodeOne() throws Exception {
    server.enqueue(Recorded.repoNotFound());

    CliRun.Result r = CliRun.run("model", "nobody/no-such-model", "--endpoint", endpoint);

    assertThat(take().getTarget()).isEqualTo("/api/models/nobody/no-such-model");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("hubshare: model 'nobody/no-such-model' not found");
  }

  @Test
  void theHubs401ForAMissingRepositoryReadsAsNotFound() throws Exception {
    server.enqueue(Recorded.invalidUsernameOrPassword());

    CliRun.Result r = CliRun.run("model", "nobody/no-such-model", "--endpoint", endpoint);

    take();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("hubshare: model 'nobody/no-such-model' not found");
  }

  @Test
  void debugAddsTheStackTrace() throws Exception {
    server.enqueue(Recorded.repoNotFound());

    CliRun.Result r = CliRun.run("model", "nobody/no-such-model", "--endpoint", endpoint, "--debug");

    take();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()[0]).startsWith("hubshare: model 'nobody/no-such-model' not found");
    assertThat(r.err()).contains("RepositoryNotFoundException").contains("\tat ");
  }

  @Test
  void anInvalidIdIsAUsageErrorAndSendsNothing() {
    CliRun.Result r = CliRun.run("model", "not a/valid id", "--endpoint", endpoint);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.err()).startsWith("hubshare: not a valid repository id: 'not a/valid id'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void csvIsRefusedForOneModel() {
    CliRun.Result r = CliRun.run("model", "meta-llama/Llama-3.1-8B-Instruct", "--format", "csv");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("hubshare: --format csv is not available for 'model': use table or "
        + "json", "try 'hubshare model --help'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theTokenGoesToTheHubButNeverToTheScreen() throws Exception {
    server.enqueue(Recorded.repoNotFound());

    CliRun.Result r = CliRun.run(CliRun.context(Map.of("HF_TOKEN", TOKEN)), "model", "nobody/no-such-model",
        "--endpoint", endpoint, "--debug");

    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.out() + r.err()).doesNotContain(TOKEN);
  }

  @Test
  void anEndpointNobodyAnswersIsOneLineAndExitCodeOne() {
    server.close();

    CliRun.Result r = CliRun.run("model", "meta-llama/Llama-3.1-8B-Instruct", "--endpoint", endpoint);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("hubshare: ");
  }

  @Test
  void aMalformedEndpointIsAUsageError() {
    CliRun.Result r = CliRun.run("model", "meta-llama/Llama-3.1-8B-Instruct", "--endpoint", "ftp://example");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("hubshare: --endpoint must be an absolute http or https URL: 'ftp://example'\n"
        + "try 'hubshare model --help'\n");
  }
}
