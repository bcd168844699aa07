package io.hubshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Account;
import io.hubshare.domain.AccountType;
import io.hubshare.error.RateLimitedException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.transport.HubRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsServiceTest {
  private static final String HUB = "https://huggingface.co";
  private static final String ORG_QWEN = HUB + "/api/organizations/Qwen/overview";
  private static final String ORG_MRADERMACHER = HUB + "/api/organizations/mradermacher/overview";
  private static final String USER_MRADERMACHER = HUB + "/api/users/mradermacher/overview";
  private final FakeTransport transport = new FakeTransport();

  private HubClient client() {
    return HubClient.builder().environment(Map.of()).transportFactory(transport.factory()).build();
  }

  private static RepositoryNotFoundException notFound(String url) {
    return new RepositoryNotFoundException("not found", 404, null, "req-404", url, null);
  }

  @Test
  void organisationIsFoundWithOneRequest() {
    transport.answer(ORG_QWEN, Fixtures.read("accounts/organization-Qwen.json"));
    Account a = client().accounts().get("Qwen");
    assertThat(a.name()).isEqualTo("Qwen");
    assertThat(a.type()).isEqualTo(AccountType.ORGANIZATION);
    assertThat(transport.urls()).containsExactly(ORG_QWEN);
    HubRequest sent = transport.requests().get(0);
    assertThat(sent.kind()).isEqualTo(HubRequest.Kind.ACCOUNT);
    assertThat(sent.subject()).isEqualTo("Qwen");
  }

  @Test
  void userIsTriedWhenNoOrganisationHasTheName() {
    transport.fail(ORG_MRADERMACHER, () -> notFound(ORG_MRADERMACHER))
        .answer(USER_MRADERMACHER, Fixtures.read("accounts/user-mradermacher.json"));
    Account a = client().accounts().get("mradermacher");
    assertThat(a.name()).isEqualTo("mradermacher");
    assertThat(a.type()).isEqualTo(AccountType.USER);
    assertThat(transport.urls()).containsExactly(ORG_MRADERMACHER, USER_MRADERMACHER);
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
    transport.fail(ORG_QWEN, () -> new RateLimitedException("rate limited", null, null, ORG_QWEN,
        Duration.ofSeconds(30)));
    assertThatThrownBy(() -> client().accounts().get("Qwen")).isInstanceOf(RateLimitedException.class);
    assertThat(transport.urls()).containsExactly(ORG_QWEN);
  }

  @Test
  void accountsAreCached() {
    transport.fail(ORG_MRADERMACHER, () -> notFound(ORG_MRADERMACHER))
        .answer(USER_MRADERMACHER, Fixtures.read("accounts/user-mradermacher.json"));
    HubClient hub = client();
    Account first = hub.accounts().get("mradermacher");
    assertThat(hub.accounts().get("mradermacher")).isSameAs(first);
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
