package io.hubshare.internal.transport;

import static io.hubshare.internal.transport.HubFixtures.ERRORS;
import static io.hubshare.internal.transport.HubFixtures.headerOrNull;
import static io.hubshare.internal.transport.HubFixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

  /** What a recorded response says, read as the transport reads it. */
  private static String message(JsonNode record) {
    return ErrorBody.message(headerOrNull(record, "X-Error-Message"), headerOrNull(record, "Content-Type"),
        record.path("response_body").asText());
  }

  @Test
  void theHeaderAndTheBodySayingTheSameAreSaidOnce() {
    assertThat(message(recorded(ERRORS, 0))).isEqualTo("Invalid username or password.");
  }

  @Test
  void readsAnErrorString() {
    assertThat(message(recorded(ERRORS, 3))).isEqualTo("unknown error");
  }

  @Test
  void readsAnErrorList() {
    assertThat(message(recorded(ERRORS, 1))).isEqualTo("Error in `inputs.context`: field required");
    assertThat(ErrorBody.message(null, "application/json", "{\"error\":[\"first\",\"second\"]}"))
        .isEqualTo("first; second");
  }

  @Test
  void joinsErrorAndDescription() {
    assertThat(ErrorBody.message(null, "application/json",
        "{\"error\":\"invalid_grant\",\"error_description\":\"The code has expired\"}"))
        .isEqualTo("invalid_grant: The code has expired");
  }

  @Test
  void readsErrorsMessages() {
    assertThat(ErrorBody.message(null, null, "{\"errors\":[{\"message\":\"one\"},{\"message\":\"two\"},{}]}"))
        .isEqualTo("one; two");
  }

  @Test
  void keepsPlainText() {
    assertThat(message(recorded(ERRORS, 4))).startsWith("Failed to deserialize the JSON body into the target type");
  }

  @Test
  void takesTheTitleOfAnHtmlPage() {
    assertThat(ErrorBody.message(null, "text/html; charset=utf-8",
        "<!DOCTYPE html><html><head><title>Hugging Face &amp; friends – 503</title></head><body>x</body></html>"))
        .isEqualTo("Hugging Face & friends – 503");
    assertThat(ErrorBody.message(null, null, "<html><body><h1>Bad  Gateway</h1><p>nginx</p></body></html>"))
        .isEqualTo("Bad Gateway");
  }

  @Test
  void theHeaderComesFirst() {
    assertThat(ErrorBody.message("Repository not found", "application/json", "{\"error\":\"Not Found\"}"))
        .isEqualTo("Repository not found; Not Found");
  }

  @Test
  void brokenJsonIsKeptAsText() {
    assertThat(ErrorBody.message(null, "application/json", "{\"error\": \"cut"))
        .isEqualTo("{\"error\": \"cut");
  }

  @Test
  void otherJsonShapesFallBackToMessage() {
    assertThat(ErrorBody.message(null, null, "{\"message\":\"Not allowed\"}")).isEqualTo("Not allowed");
    assertThat(ErrorBody.message(null, null, "{\"error\":{\"message\":\"nested\"}}")).isEqualTo("nested");
    assertThat(ErrorBody.message(null, null, "{\"estimated_time\":20.0}")).isEmpty();
  }

  @Test
  void anEmptyBodySaysNothing() {
    assertThat(ErrorBody.message(null, null, "")).isEmpty();
    assertThat(ErrorBody.message("  ", null, "   \n")).isEmpty();
  }

  @Test
  void longMessagesAreCut() {
    String message = ErrorBody.message(null, "text/plain", "x".repeat(10_000));
    assertThat(message).hasSize(ErrorBody.MAX_LENGTH).endsWith("…");
  }
}
