package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code hubshare model --hub modelscope}: one ModelScope model, its all-time downloads and its origin there. */
class ModelScopeModelCommandTest extends LocalHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An OpenAPI body in the shape modelscope_hub's RepoInfo maps (written, not recorded). */
  private static final String BODY = "{\"success\":true,\"message\":\"success\",\"data\":{\"id\":"
      + "\"ZhipuAI/GLM-4.5\",\"display_name\":\"GLM-4.5\",\"downloads\":123456,\"likes\":789,"
      + "\"created_at\":\"2025-07-28T08:00:00Z\",\"last_modified\":1753689600,\"license\":\"MIT\","
      + "\"tags\":[\"glm\"],\"tasks\":[\"text-generation\"],\"private\":false,\"gated\":false}}";

  @Test
  void aModelScopeModelComesWithItsAllTimeDownloadsAndTheOriginOfItsAccountThere() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(BODY)
        .build());

    CliRun.Result r = CliRun.run("model", "--hub", "modelscope", "ZhipuAI/GLM-4.5", "--endpoint", endpoint,
        "--format", "json");

    RecordedRequest request = takeGet();
    assertThat(request.getTarget()).isEqualTo("/openapi/v1/models/ZhipuAI/GLM-4.5");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode m = JSON.readTree(r.out());
    assertThat(m.get("id").asText()).isEqualTo("ZhipuAI/GLM-4.5");
    assertThat(m.get("downloadsAllTime").asLong()).isEqualTo(123456);
    assertThat(m.get("downloads").isNull()).as("no 30-day count on ModelScope").isTrue();
    assertThat(m.get("origin").get("organization").asText()).isEqualTo("Zhipu AI");
    assertThat(m.get("origin").get("country").asText()).isEqualTo("CN");
  }
}
