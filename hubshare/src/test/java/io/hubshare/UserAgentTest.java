package io.hubshare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The {@code User-Agent} names the release that sent a request. The version comes from a resource Maven filters at
 * build time; the build passes the version it filtered in as {@code hubshare.expectedVersion} (see the parent pom).
 */
class UserAgentTest {

  /** What every request must carry: {@code hubshare/<project version> (Java <feature release>)}. */
  static String expected() {
    String version = System.getProperty("hubshare.expectedVersion");
    assertThat(version).as("the build passes -Dhubshare.expectedVersion=${project.version} to the tests").isNotBlank();
    return "hubshare/" + version + " (Java " + Runtime.version().feature() + ")";
  }

  @Test
  void userAgentNamesTheProjectVersionAndTheJavaRelease() {
    assertThat(Settings.USER_AGENT).isEqualTo(expected());
  }

  @Test
  void theVersionIsTheFilteredOneNotAPlaceholder() {
    assertThat(Settings.version())
        .isEqualTo(System.getProperty("hubshare.expectedVersion"))
        .matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
  }
}
