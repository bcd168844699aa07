package io.hubshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Account;
import io.hubshare.domain.AccountType;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.internal.transport.HubRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsServiceTest {
  private static final String HUB = "https://huggingface.co";
  private static final String ORG_DEEPSEEK = HUB + "/api/organizations/deepseek-ai/overview";
  private static final String ORG_JULIEN = HUB + "/api/organizations/julien-c/overview";
  private static final String USER_JULIEN = HUB + "/api/users/julien-c/overview";
  private final FakeTransport transport = new FakeTransport();

  private HubClient client() {
    return HubClient.builder().environment(Map.of()).transportFactory(transport.factory()).build();
  }

  private static RepositoryNotFoundException notFound(String url) {
    return new RepositoryNotFoundException("not found", 404, null, "req-404", url, null);
  }

  @Test
  void organisationIsFoundWithOneRequest() {
    transport.answer(ORG_DEEPSEEK, Fixtures.deepseekOverview());
    Account a = client().accounts().get("deepseek-ai");
    assertThat(a.name()).isEqualTo("deepseek-ai");
    assertThat(a.type()).isEqualTo(AccountType.ORGANIZATION);
    assertThat(transport.urls()).containsExactly(ORG_DEEPSEEK);
    HubRequest sent = transport.requests().get(0);
    assertThat(sent.kind()).isEqualTo(HubRequest.Kind.ACCOUNT);
    assertThat(sent.subject()).isEqualTo("deepseek-ai");
  }

  @Test
  void userIsTriedWhenNoOrganisationHasTheName() {
    transport.fail(ORG_JULIEN, () -> notFound(ORG_JULIEN))
        .answer(USER_JULIEN, Fixtures.julienOverview());
    Account a = client().accounts().get("julien-c");
    assertThat(a.name()).isEqualTo("julien-c");
    assertThat(a.type()).isEqualTo(AccountType.USER);
    assertThat(transport.urls()).containsExactly(ORG_JULIEN, USER_JULIEN);
  }

  @Test
  void neitherOrganisationNorUserIsNotFoundAndNotCached() {
    transport.fail(HUB + "/api/organizations/nobody/overview", () -> notFound("o"))
        .fail(HUB + "/api/users/nobody/overview", () -> notFound(HUB + "/api/users/nobody/overview"));
    HubClient hub = client();
    assertThatThrownBy(() -> hub.accounts().get("nobody"))
        .isInstanceOfSatisfying(RepositoryNotFoundException.class, e -> {
          assertThat(e.getMessage()).contains("no organisation or user named 'nobody'");
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.url()).isEqualTo(HUB + "/api/users/nobody/overview");
        });
    assertThatThrownBy(() -> hub.accounts().get("nobody")).isInstanceOf(RepositoryNotFoundException.class);
    assertThat(transport.requests()).hasSize(4);
  }

  @Test
  void otherFailuresOfTheOrganisationCallAreNotTakenForAbsence() {
    transport.fail(ORG_DEEPSEEK, () -> new RateLimitedException("rate limited", null, null, ORG_DEEPSEEK,
        Duration.ofSeconds(30)));
    assertThatThrownBy(() -> client().accounts().get("deepseek-ai")).isInstanceOf(RateLimitedException.class);
    assertThat(transport.urls()).containsExactly(ORG_DEEPSEEK);
  }

  @Test
  void accountsAreCached() {
    transport.fail(ORG_JULIEN, () -> notFound(ORG_JULIEN))
        .answer(USER_JULIEN, Fixtures.julienOverview());
    HubClient hub = client();
    Account first = hub.accounts().get("julien-c");
    assertThat(hub.accounts().get("julien-c")).isSameAs(first);
    assertThat(transport.requests()).hasSize(2);
    assertThat(hub.cacheStats().hitCount()).isEqualTo(1);
  }

  @Test
  void invalidNamesFailBeforeAnyRequest() {
    assertThatThrownBy(() -> client().accounts().get("../users/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().accounts().get("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().accounts().get("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThat(transport.requests()).isEmpty();
  }
}
