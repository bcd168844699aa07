package io.hubshare.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginRegistryOverrideTest {

  private static final String HEADER = "account,organization,country,kind,source\n";
  private static final String REGIONS = "country,region\nFR,Europe\nCN,China\nXX,International\n";

  private final OriginRegistry bundled = OriginRegistry.bundled();

  @TempDir Path dir;

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("my-origins.csv"), content, StandardCharsets.UTF_8);
  }

  @Test
  void codeOverrideReplacesABundledEntryWhateverItsCase() {
    Origin mine = bundled.origin("qwen", "Alibaba Cloud", "CN", DeveloperKind.INDUSTRY, "https://example.org/qwen");
    OriginRegistry registry = bundled.with(mine);
    assertThat(registry.of("Qwen")).isEqualTo(mine);
    assertThat(registry.entries()).hasSameSizeAs(bundled.entries());
    assertThat(bundled.of("Qwen").organization()).as("the bundled registry is untouched").isEqualTo("Alibaba");
  }

  @Test
  void codeOverrideAddsANewAccountWithItsRegionFromData() {
    OriginRegistry registry =
        bundled.with(bundled.origin("my-lab", "My Lab", "fr", DeveloperKind.ACADEMIA, "https://my-lab.example"));
    Origin lab = registry.of("MY-LAB");
    assertThat(lab.country()).isEqualTo("FR");
    assertThat(lab.region()).isEqualTo("Europe");
    assertThat(registry.entries()).hasSize(bundled.entries().size() + 1);
  }

  @Test
  void codeOverrideTurnsAReviewedUnknownIntoAKnownOrigin() {
    OriginRegistry registry = bundled.with(
        bundled.origin("bartowski", "Someone", "XX", DeveloperKind.INDIVIDUAL, "https://example.org/profile"));
    assertThat(registry.of("bartowski").isKnown()).isTrue();
    assertThat(registry.unattributedReason("bartowski")).isNull();
  }

  @Test
  void invalidCodeOverridesAreRejected() {
    assertThatThrownBy(() -> bundled.origin("x", "X", "ZZ", DeveloperKind.INDUSTRY, "https://x.example"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("country 'ZZ'");
    assertThatThrownBy(() -> bundled.origin("x", "X", "FR", DeveloperKind.UNKNOWN, "https://x.example"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNKNOWN");
    assertThatThrownBy(() -> bundled.origin("x", "X", "FR", DeveloperKind.INDUSTRY, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
    assertThatThrownBy(() -> bundled.origin("x y", "X", "FR", DeveloperKind.INDUSTRY, "https://x.example"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid account");
    Origin wrongRegion = Origin.builder("x").organization("X").country("FR").region("Asia")
        .kind(DeveloperKind.INDUSTRY).source("https://x.example").build();
    assertThatThrownBy(() -> bundled.with(wrongRegion))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region 'Asia' does not match country FR");
    assertThatThrownBy(() -> bundled.with(Origin.unknown("x"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userFileOverridesAndAddsEntries() throws IOException {
    Path csv = file(HEADER
        + "# our own attributions\n"
        + "Qwen,\"Alibaba Cloud, Tongyi Lab\",CN,industry,https://example.org/qwen\n"
        + "our-lab,Our Lab,FR,academia,\"Our Lab, Paris: https://our-lab.example/about\"\n");
    OriginRegistry registry = bundled.withFile(csv);
    assertThat(registry.of("qwen").organization()).isEqualTo("Alibaba Cloud, Tongyi Lab");
    assertThat(registry.of("our-lab").region()).isEqualTo("Europe");
    assertThat(registry.of("our-lab").source()).isEqualTo("Our Lab, Paris: https://our-lab.example/about");
    assertThat(registry.of("meta-llama")).isEqualTo(bundled.of("meta-llama"));
  }

  @Test
  void laterOverridesWinOverEarlierOnes() throws IOException {
    Path csv = file(HEADER + "our-lab,Our Lab,FR,academia,https://our-lab.example\n");
    OriginRegistry registry = bundled.withFile(csv)
        .with(bundled.origin("our-lab", "Our Lab", "CN", DeveloperKind.ACADEMIA, "https://our-lab.example/cn"));
    assertThat(registry.of("our-lab").country()).isEqualTo("CN");
  }

  @Test
  void emptyRegistryBuiltFromAUserFileOnly() throws IOException {
    OriginRegistry registry = OriginRegistry.empty().withFile(file(HEADER + "a,A,US,individual,https://a.example\n"));
    assertThat(registry.entries()).extracting(Origin::account).containsExactly("a");
    assertThat(registry.of("Qwen").isKnown()).isFalse();
  }

  @Test
  void malformedUserFileNamesTheLine() throws IOException {
    assertMalformed(HEADER + "a,A,US,industry,https://a.example\nb,B,US,company,https://b.example\n",
        "line 3: unknown kind 'company'");
    assertMalformed(HEADER + "a,A,US,industry\n", "line 2: expected 5 fields but found 4");
    assertMalformed(HEADER + "a,A,Germany,industry,https://a.example\n", "line 2: invalid country 'Germany'");
    assertMalformed(HEADER + "a,,US,industry,https://a.example\n", "line 2: empty organization");
    assertMalformed(HEADER + "a,A,US,industry,https://a.example\nA,A,US,industry,https://a.example\n",
        "line 3: account 'A' is already listed on line 2");
    assertMalformed(HEADER + "\n\na,\"A,US,industry,https://a.example\n", "line 4: unterminated quoted field");
    assertMalformed("account,org,country,kind,source\n", "line 1: expected the header");
    assertMalformed("", "empty file");
  }

  private void assertMalformed(String content, String message) throws IOException {
    Path csv = file(content);
    assertThatThrownBy(() -> bundled.withFile(csv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(csv.toString())
        .hasMessageContaining(message);
  }

  @Test
  void missingUserFileIsAnIoException() {
    assertThatThrownBy(() -> bundled.withFile(dir.resolve("absent.csv"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void loadReadsBothFilesAndNamesTheBadOne() {
    OriginRegistry registry = OriginRegistry.load(
        new StringReader(HEADER + "bigscience,BigScience,XX,non-profit,\"XX: a workshop, no single country\"\n"),
        new StringReader(REGIONS));
    assertThat(registry.of("BigScience").region()).isEqualTo("International");
    assertThat(registry.regionOf("US")).isEqualTo(Origin.UNKNOWN_REGION);

    assertThatThrownBy(() -> OriginRegistry.load(
            new StringReader(HEADER + "a,A,US,industry,https://a.example\n"), new StringReader(REGIONS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origins.csv line 2: country US has no region in regions.csv");
    assertThatThrownBy(() -> OriginRegistry.load(
            new StringReader(HEADER), new StringReader("country,region\nFR,Europe\nfr,Europe\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("regions.csv line 3: country FR is already mapped on line 2");
  }

  @Test
  void kindsReadAsTheFilesWriteThem() {
    assertThat(DeveloperKind.parse("non-profit")).isEqualTo(DeveloperKind.NON_PROFIT);
    assertThat(DeveloperKind.parse("NON_PROFIT")).isEqualTo(DeveloperKind.NON_PROFIT);
    assertThat(DeveloperKind.NON_PROFIT.label()).isEqualTo("non-profit");
    assertThatThrownBy(() -> DeveloperKind.parse("unknown")).isInstanceOf(IllegalArgumentException.class);
  }
}
