package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.Account;
import io.hubshare.domain.AccountType;
import org.junit.jupiter.api.Test;

/**
 * Account overviews. No recording exists: the bodies in fixtures/hf/overview follow the documented shape (see the
 * README there).
 */
class HfAccountsTest {

  @Test
  void anOrganisationOverview() {
    String body = HfFixtures.overview("organization-deepseek-ai.json");

    Account a = HfAccounts.parseOrganization(body);

    assertThat(a.name()).isEqualTo("deepseek-ai");
    assertThat(a.type()).isEqualTo(AccountType.ORGANIZATION);
    assertThat(a.fullName()).isEqualTo("DeepSeek");
    assertThat(a.verified()).isTrue();
    assertThat(a.numModels()).isEqualTo(84L);
    assertThat(a.numFollowers()).isEqualTo(98_765L);
    assertThat(a.rawJson()).isSameAs(body);
  }

  @Test
  void aUserOverview() {
    String body = HfFixtures.overview("user-julien-c.json");

    Account a = HfAccounts.parseUser(body);

    assertThat(a.name()).isEqualTo("julien-c");
    assertThat(a.type()).isEqualTo(AccountType.USER);
    assertThat(a.fullName()).isEqualTo("Julien Chaumond");
    assertThat(a.verified()).as("users have no verified flag").isNull();
    assertThat(a.numModels()).isEqualTo(150L);
    assertThat(a.numFollowers()).isEqualTo(2_500L);
    assertThat(a.rawJson()).contains("\"orgs\"");
  }

  @Test
  void missingAndMistypedCountsAreAbsent() {
    Account a = HfAccounts.parseOrganization(HfFixtures.overview("organization-minimal.json"));

    assertThat(a.name()).isEqualTo("Qwen");
    assertThat(a.verified()).isFalse();
    assertThat(a.numModels()).isNull();
    assertThat(a.numFollowers()).isNull();
  }

  @Test
  void anOverviewWithoutNameFails() {
    assertThatThrownBy(() -> HfAccounts.parseOrganization("{\"fullname\":\"DeepSeek\",\"numModels\":84}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("organization overview without a name (field 'name')");
    assertThatThrownBy(() -> HfAccounts.parseUser("{\"fullname\":\"Julien\",\"type\":\"user\"}"))
        .hasMessage("user overview without a name (field 'user')");
  }

  @Test
  void aUserOverviewWithNameInsteadOfUserIsRead() {
    assertThat(HfAccounts.parseUser("{\"name\":\"julien-c\"}").name()).isEqualTo("julien-c");
  }

  @Test
  void malformedOverviews() {
    assertThatThrownBy(() -> HfAccounts.parseUser("[]"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("expected a JSON user overview object, got an array");
    assertThatThrownBy(() -> HfAccounts.parseOrganization("{\"name\":\"x\""))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("truncated JSON at offset 11");
    assertThatThrownBy(() -> HfAccounts.parseOrganization(""))
        .hasMessage("expected a JSON organization overview, got an empty body");
    assertThatThrownBy(() -> HfAccounts.parseOrganization("null"))
        .hasMessage("expected a JSON organization overview object, got null");
  }
}
