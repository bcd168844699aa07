package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubshare.origin.OriginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void tableShowsTheOriginOfEachAccountAskedFor() {
    CliRun.Result r = CliRun.run("origins", "qwen", "meta-llama");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("account").contains("organization", "country", "region", "kind", "source");
    assertThat(lines[1]).matches("-+( +-+){5}");
    assertThat(lines[2]).startsWith("Qwen ").contains("Alibaba", "CN", "China", "industry", "http");
    assertThat(lines[3]).startsWith("meta-llama ").contains("Meta", "US", "United States", "industry");
    // Aligned: the organisation column starts at the same place on every line.
    assertThat(lines[2].indexOf("Alibaba")).isEqualTo(lines[0].indexOf("organization"));
    assertThat(lines[3].indexOf("Meta")).isEqualTo(lines[0].indexOf("organization"));
  }

  @Test
  void anAccountReviewedAndLeftUnknownSaysWhyInTheTable() {
    String reason = OriginRegistry.bundled().unattributedReason("bartowski");
    assertThat(reason).isNotNull();

    CliRun.Result r = CliRun.run("origins", "bartowski", "never-reviewed-account");

    assertThat(r.exitCode()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[2]).startsWith("bartowski ").contains("Unknown", "unknown").endsWith("(left unknown: " + reason + ")");
    assertThat(lines[3]).startsWith("never-reviewed-account ").endsWith("unknown");
  }

  @Test
  void jsonIsAListOfOriginsWithTheAgreedKeys() throws Exception {
    CliRun.Result r = CliRun.run("origins", "Qwen", "nobody-knows-this-account", "--format", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode list = JSON.readTree(r.out());
    assertThat(list.isArray()).isTrue();
    assertThat(list).hasSize(2);
    JsonNode qwen = list.get(0);
    assertThat(fieldNames(qwen)).containsExactly("account", "organization", "country", "region", "kind", "source");
    assertThat(qwen.get("account").asText()).isEqualTo("Qwen");
    assertThat(qwen.get("organization").asText()).isEqualTo("Alibaba");
    assertThat(qwen.get("country").asText()).isEqualTo("CN");
    assertThat(qwen.get("region").asText()).isEqualTo("China");
    assertThat(qwen.get("kind").asText()).isEqualTo("industry");
    assertThat(qwen.get("source").asText()).startsWith("http");

    JsonNode unknown = list.get(1);
    assertThat(fieldNames(unknown)).containsExactly("account", "organization", "country", "region", "kind", "source");
    assertThat(unknown.get("account").asText()).isEqualTo("nobody-knows-this-account");
    assertThat(unknown.get("organization").isNull()).isTrue();
    assertThat(unknown.get("country").isNull()).isTrue();
    assertThat(unknown.get("region").asText()).isEqualTo("Unknown");
    assertThat(unknown.get("kind").asText()).isEqualTo("unknown");
    assertThat(unknown.get("source").isNull()).isTrue();
  }

  @Test
  void withoutAccountsListsTheWholeRegistry() throws Exception {
    CliRun.Result r = CliRun.run("origins", "--format", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode list = JSON.readTree(r.out());
    assertThat(list).hasSize(OriginRegistry.bundled().entries().size());
    for (JsonNode o : list) {
      assertThat(o.get("source").asText()).as(o.get("account").asText()).isNotBlank();
      assertThat(o.get("kind").asText()).isNotEqualTo("unknown");
    }
  }

  @Test
  void csvQuotesFieldsThatHoldCommas() {
    CliRun.Result r = CliRun.run("origins", "--format", "csv");

    assertThat(r.exitCode()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).isEqualTo("account,organization,country,region,kind,source");
    assertThat(lines).hasSize(OriginRegistry.bundled().entries().size() + 1);
  }

  @Test
  void aUsersFileOverridesTheBundledOrigins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.csv");
    Files.writeString(file, "account,organization,country,kind,source\n"
        + "my-lab,My Lab,FR,academia,https://my-lab.example/about\n");

    CliRun.Result r = CliRun.run("origins", "my-lab", "--origins", file.toString(), "--format", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode lab = JSON.readTree(r.out()).get(0);
    assertThat(lab.get("organization").asText()).isEqualTo("My Lab");
    assertThat(lab.get("region").asText()).isEqualTo("Europe");
  }

  @Test
  void aMissingOriginsFileIsOneLineAndExitCodeOne(@TempDir Path dir) {
    CliRun.Result r = CliRun.run("origins", "--origins", dir.resolve("absent.csv").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("hubshare: origins file '" + dir.resolve("absent.csv") + "' not found");
  }

  @Test
  void aMalformedOriginsFileNamesTheLineAndIsAUsageError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "account,organization,country,kind,source\nmy-lab,My Lab,Narnia,academia,x\n");

    CliRun.Result r = CliRun.run("origins", "--origins", file.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines()[0]).startsWith("hubshare: ").contains("bad.csv").contains("2");
    assertThat(r.errLines()[1]).isEqualTo("try 'hubshare origins --help'");
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
