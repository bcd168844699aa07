package io.hubshare.internal.transport;

import static io.hubshare.internal.transport.HubFixtures.ERRORS;
import static io.hubshare.internal.transport.HubFixtures.header;
import static io.hubshare.internal.transport.HubFixtures.recorded;
import static io.hubshare.internal.transport.HubFixtures.response;
import static io.hubshare.internal.transport.HubFixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.error.BadRequestException;
import io.hubshare.error.GatedRepositoryException;
import io.hubshare.error.HubException;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.RevisionNotFoundException;
import io.hubshare.error.ServerErrorException;
import io.hubshare.error.UnauthorizedException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest extends LocalServerTest {
  // Recorded 401 {"error":"Invalid username or password."} with the same X-Error-Message: the Hub's answer for a
  // missing or private repository.
  private static final JsonNode INVALID_USERNAME_401 = recorded(ERRORS, 0);
  private static final JsonNode ERROR_LIST_400 = recorded(ERRORS, 1);
  private static final JsonNode RATE_LIMIT_429 = recorded(ERRORS, 2);
  private static final JsonNode UNKNOWN_ERROR_500 = recorded(ERRORS, 3);
  private static final JsonNode PLAIN_TEXT_422 = recorded(ERRORS, 4);
  private static final JsonNode CONFLICT_409 = recorded(ERRORS, 6);

  @BeforeEach
  void mapOnly() {
    config.maxRetries = 0; // mapping only: retries have their own tests
  }

  private HubRequest request(HubRequest.Kind kind, String target, @Nullable String subject, @Nullable String rev) {
    return new HubRequest(server.url(target), kind, subject, rev);
  }

  /** Replays {@code fixture} for {@code request}, checks what was sent, and returns what was thrown. */
  private <T extends HubException> T failure(JsonNode fixture, HubRequest request, Class<T> type) throws Exception {
    server.enqueue(response(fixture));
    T thrown;
    try (OkHttpTransport transport = config.transport()) {
      thrown = catchThrowableOfType(type, () -> transport.get(request));
    }
    assertThat(thrown).as("thrown " + type.getSimpleName()).isNotNull();
    RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getTarget()).isEqualTo(request.url().encodedPath()
        + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery()));
    assertThat(sent.getHeaders().get("Authorization"))
        .isEqualTo(config.token == null ? null : "Bearer " + TestConfig.TOKEN);
    assertThat(thrown.url()).isEqualTo(request.url().toString());
    assertThat(thrown.getMessage()).doesNotContain(TestConfig.TOKEN);
    return thrown;
  }

  @Test
  void a401OnModelInfoMeansNotFoundOrPrivate() throws Exception {
    RepositoryNotFoundException e = failure(INVALID_USERNAME_401,
        request(HubRequest.Kind.MODEL_INFO, "/api/models/nobody/private-model", "nobody/private-model", null),
        RepositoryNotFoundException.class);
    assertThat(e).hasMessage("model 'nobody/private-model' not found (or private: the token has no access to it)");
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.errorCode()).isNull();
    assertThat(e.requestId()).isEqualTo(header(INVALID_USERNAME_401, "x-request-id"));
  }

  @Test
  void anonymousNotFoundSaysATokenMayBeNeeded() throws Exception {
    config.token = null;
    RepositoryNotFoundException e = failure(INVALID_USERNAME_401,
        request(HubRequest.Kind.MODEL_INFO, "/api/models/a/b", "a/b", null), RepositoryNotFoundException.class);
    assertThat(e).hasMessage("model 'a/b' not found (or private: a token with access is needed)");
  }

  @Test
  void a401OnAnAccountMeansTheAccountIsNotFound() throws Exception {
    RepositoryNotFoundException e = failure(INVALID_USERNAME_401,
        request(HubRequest.Kind.ACCOUNT, "/api/users/nobody-at-all/overview", "nobody-at-all", null),
        RepositoryNotFoundException.class);
    assertThat(e).hasMessage("account 'nobody-at-all' not found");
  }

  @Test
  void a401OnAListIsUnauthorized() throws Exception {
    UnauthorizedException e = failure(INVALID_USERNAME_401,
        request(HubRequest.Kind.MODEL_LIST, "/api/models?author=google&limit=2", null, null),
        UnauthorizedException.class);
    assertThat(e).hasMessage("GET /api/models?author=google&limit=2 was refused (HTTP 401: Invalid username or"
        + " password.): the token lacks the permission");
    assertThat(e.statusCode()).isEqualTo(401);
  }

  @Test
  void repoNotFoundCodeMeansNotFound() throws Exception {
    JsonNode fixture = written("repo-not-found");
    RepositoryNotFoundException e = failure(fixture,
        request(HubRequest.Kind.MODEL_INFO, "/api/models/nobody/no-such-model", "nobody/no-such-model", null),
        RepositoryNotFoundException.class);
    assertThat(e).hasMessageStartingWith("model 'nobody/no-such-model' not found");
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo("RepoNotFound");
    assertThat(e.requestId()).isEqualTo(header(fixture, "X-Request-Id"));
  }

  @Test
  void a404WithoutCodeOnModelInfoIsNotFound() throws Exception {
    RepositoryNotFoundException e = failure(
        HubFixtures.minimal(404, "{\"error\":\"Repository not found\"}"),
        request(HubRequest.Kind.MODEL_INFO, "/api/models/x/y", "x/y", null), RepositoryNotFoundException.class);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e).hasMessageStartingWith("model 'x/y' not found");
  }

  @Test
  void revisionNotFoundNamesTheRevision() throws Exception {
    RevisionNotFoundException e = failure(written("revision-not-found"),
        request(HubRequest.Kind.MODEL_INFO, "/api/models/google-bert/bert-base-uncased/revision/v9",
            "google-bert/bert-base-uncased", "v9"), RevisionNotFoundException.class);
    assertThat(e).hasMessage("revision 'v9' not found in model 'google-bert/bert-base-uncased': Invalid rev id: v9");
    assertThat(e.errorCode()).isEqualTo("RevisionNotFound");
    assertThat(e.statusCode()).isEqualTo(404);
  }

  @Test
  void entryNotFoundIsABadRequestNotAMissingRepository() throws Exception {
    JsonNode fixture = HubFixtures.minimal(404, "{\"error\":\"Entry not found\"}");
    ((com.fasterxml.jackson.databind.node.ObjectNode) fixture.path("response_headers"))
        .putArray("X-Error-Code").add("EntryNotFound");
    BadRequestException e = failure(fixture,
        request(HubRequest.Kind.MODEL_INFO, "/api/models/a/b/tree/main/nope", "a/b", "main"),
        BadRequestException.class);
    assertThat(e).hasMessage("GET /api/models/a/b/tree/main/nope names a path that model 'a/b' does not have:"
        + " Entry not found");
    assertThat(e.errorCode()).isEqualTo("EntryNotFound");
    assertThat(e.statusCode()).isEqualTo(404);
  }

  @Test
  void gatedRepoSaysWhereToAskForAccess() throws Exception {
    GatedRepositoryException e = failure(written("gated-repo"),
        request(HubRequest.Kind.MODEL_INFO, "/api/models/meta-llama/Llama-3.1-8B-Instruct/tree/main",
            "meta-llama/Llama-3.1-8B-Instruct", null), GatedRepositoryException.class);
    assertThat(e).hasMessageStartingWith("model 'meta-llama/Llama-3.1-8B-Instruct' is gated: accept its conditions at "
        + server.url("/meta-llama/Llama-3.1-8B-Instruct") + " with the account that owns the token");
    assertThat(e.errorCode()).isEqualTo("GatedRepo");
    assertThat(e.statusCode()).isEqualTo(403);
  }

  @Test
  void anInvalidTokenIsUnauthorizedEvenOnModelInfo() throws Exception {
    UnauthorizedException e = failure(written("token-invalid"),
        request(HubRequest.Kind.MODEL_INFO, "/api/models/google-bert/bert-base-uncased",
            "google-bert/bert-base-uncased", null), UnauthorizedException.class);
    assertThat(e).hasMessage("the hub refused the token (HTTP 401: Invalid credentials in Authorization header):"
        + " check HF_TOKEN or create a new token at " + server.url("/settings/tokens"));
  }

  @Test
  void errorDescriptionJoinsTheErrorAndItsDescription() throws Exception {
    UnauthorizedException e = failure(written("error-description"),
        request(HubRequest.Kind.ACCOUNT, "/api/whoami-v2", "me", null), UnauthorizedException.class);
    assertThat(e).hasMessageContaining("(HTTP 401: invalid_token: The access token is invalid or has expired)");
  }

  @Test
  void a403WithoutTokenSaysATokenIsNeeded() throws Exception {
    config.token = null;
    UnauthorizedException e = failure(HubFixtures.minimal(403, "{\"error\":\"Forbidden\"}"),
        request(HubRequest.Kind.MODEL_LIST, "/api/models?limit=5", null, null), UnauthorizedException.class);
    assertThat(e).hasMessage("GET /api/models?limit=5 was refused (HTTP 403: Forbidden): a token is needed (HF_TOKEN)");
  }

  @Test
  void tooManyRequestsCarriesTheWaitAndTheQuota() throws Exception {
    JsonNode fixture = written("rate-limited");
    RateLimitedException e = failure(fixture,
        request(HubRequest.Kind.MODEL_LIST, "/api/models?limit=1000", null, null), RateLimitedException.class);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e).hasMessage("rate limit reached (HTTP 429: You have exceeded our rate limit for api requests. Please"
        + " log in or use a HF access token to get a higher limit.), quota 500 requests per 300 s; retry after 120 s");
  }

  @Test
  void tooManyRequestsWithoutAWaitHasNoRetryAfter() throws Exception {
    RateLimitedException e = failure(RATE_LIMIT_429,
        request(HubRequest.Kind.MODEL_LIST, "/api/models?limit=10", null, null), RateLimitedException.class);
    assertThat(e.retryAfter()).isNull();
    assertThat(e).hasMessage(
        "rate limit reached (HTTP 429: Rate limit reached. Please log in or use a HF access token)");
  }

  @Test
  void anUnknownExpandFieldIsABadRequestWithTheHubsMessage() throws Exception {
    BadRequestException e = failure(written("unknown-expand"),
        request(HubRequest.Kind.MODEL_LIST, "/api/models?limit=2&expand=downloadz", null, null),
        BadRequestException.class);
    assertThat(e).hasMessageStartingWith("the hub refused GET /api/models?limit=2&expand=downloadz (HTTP 400):"
        + " \"expand\" must be one of [_id, author, cardData");
    assertThat(e.statusCode()).isEqualTo(400);
  }

  @Test
  void anErrorListIsJoined() throws Exception {
    BadRequestException e = failure(ERROR_LIST_400, request(HubRequest.Kind.MODEL_LIST, "/api/models", null, null),
        BadRequestException.class);
    assertThat(e).hasMessage("the hub refused GET /api/models (HTTP 400): Error in `inputs.context`: field required");
    assertThat(e.requestId()).isEqualTo(header(ERROR_LIST_400, "x-request-id"));
  }

  @Test
  void anErrorsArrayOfMessagesIsJoinedAndTheTraceIdServesAsRequestId() throws Exception {
    JsonNode fixture = written("errors-list");
    BadRequestException e = failure(fixture,
        request(HubRequest.Kind.MODEL_LIST, "/api/models?filter=base_model:", null, null), BadRequestException.class);
    assertThat(e).hasMessageEndingWith("(HTTP 400): Invalid filter: base_model:; Expected a repository id");
    assertThat(e.requestId()).isEqualTo(header(fixture, "X-Amzn-Trace-Id"));
  }

  @Test
  void plainTextAndOtherClientErrorsAreBadRequests() throws Exception {
    BadRequestException text = failure(PLAIN_TEXT_422,
        request(HubRequest.Kind.MODEL_LIST, "/api/models?a=1", null, null), BadRequestException.class);
    assertThat(text).hasMessage("the hub refused GET /api/models?a=1 (HTTP 422): Failed to deserialize the JSON body"
        + " into the target type: inputs: invalid type: map, expected a string at line 1 column 11");
    BadRequestException conflict = failure(CONFLICT_409,
        request(HubRequest.Kind.MODEL_LIST, "/api/models?a=2", null, null), BadRequestException.class);
    assertThat(conflict).hasMessageEndingWith("(HTTP 409): You already created this space repo");
  }

  @Test
  void serverErrorsKeepTheHubsMessage() throws Exception {
    ServerErrorException e = failure(UNKNOWN_ERROR_500,
        request(HubRequest.Kind.MODEL_INFO, "/api/models/a/b", "a/b", null), ServerErrorException.class);
    assertThat(e).hasMessage("the hub failed: HTTP 500 for GET /api/models/a/b: unknown error");
    assertThat(e.statusCode()).isEqualTo(500);
  }

  @Test
  void anHtmlErrorPageGivesItsTitle() throws Exception {
    ServerErrorException e = failure(written("html-bad-gateway"),
        request(HubRequest.Kind.MODEL_LIST, "/api/models?limit=1000", null, null), ServerErrorException.class);
    assertThat(e).hasMessage("the hub failed: HTTP 502 for GET /api/models?limit=1000: 502 Bad Gateway");
  }

  @Test
  void aBodyThatIsNotJsonStillGivesACleanMessage() throws Exception {
    ServerErrorException e = failure(written("not-json"),
        request(HubRequest.Kind.MODEL_INFO, "/api/models/google-bert/bert-base-uncased",
            "google-bert/bert-base-uncased", null), ServerErrorException.class);
    assertThat(e).hasMessageContaining("Internal Error - We're working hard to fix this as soon as possible!")
        .hasNoCause();
  }

  @Test
  void theTokenIsScrubbedEvenWhenTheHubEchoesIt() throws Exception {
    String echo = "{\"error\":\"token " + TestConfig.TOKEN + " is malformed\"}";
    BadRequestException e = failure(HubFixtures.minimal(400, echo),
        request(HubRequest.Kind.MODEL_LIST, "/api/models", null, null), BadRequestException.class);
    assertThat(e).hasMessageEndingWith("(HTTP 400): token **** is malformed");
    assertThat(e.toString()).doesNotContain(TestConfig.TOKEN);
  }
}
