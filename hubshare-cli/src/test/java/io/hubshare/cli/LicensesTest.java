package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The command line's jar bundles its dependencies, so it must carry each one's licence and notice. The build lists
 * the runtime dependencies in {@code target/bundled-libraries.txt} (maven-dependency-plugin); each must have a line,
 * at the same version, in {@code META-INF/licenses/THIRD-PARTY.txt}, and every file that line names must be in the
 * jar. A new or upgraded dependency fails here until its licence has been read and recorded.
 */
class LicensesTest {
  private static final Path BUNDLED = Path.of("hubshare-cli", "target", "bundled-libraries.txt");
  private static final Pattern LISTED = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):jar:([\\w.-]+)\\b.*$");

  @Test
  void everyBundledLibraryHasItsLicenceInTheJar() throws IOException {
    List<String> bundled = new ArrayList<>();
    for (String line : Files.readAllLines(BUNDLED, StandardCharsets.UTF_8)) {
      Matcher m = LISTED.matcher(line);
      if (m.matches()) bundled.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
    }
    assertThat(bundled).as("libraries listed in " + BUNDLED).hasSizeGreaterThan(10)
        .anyMatch(b -> b.startsWith("org.jfree:jfreechart:"));

    Map<String, String[]> recorded = thirdParty();
    assertThat(recorded.keySet()).as("THIRD-PARTY.txt lists exactly the bundled libraries, at their versions")
        .containsExactlyInAnyOrderElementsOf(bundled);
    for (Map.Entry<String, String[]> e : recorded.entrySet()) {
      String[] files = e.getValue()[1].trim().split("\\s+");
      assertThat(files).as(e.getKey()).isNotEmpty();
      for (String file : files) {
        String path = "/" + Path.of("META-INF", "licenses").resolve(file).normalize().toString().replace('\\', '/');
        assertThat(resource(path)).as(e.getKey() + " names " + file).isNotBlank();
      }
    }
  }

  @Test
  void theLgplLibraryComesWithTheFullLicenceAndHowToReplaceIt() throws IOException {
    assertThat(thirdParty()).anySatisfy((library, licence) -> {
      assertThat(library).startsWith("org.jfree:jfreechart:");
      assertThat(licence[0]).isEqualTo("LGPL-2.1-or-later");
      assertThat(licence[1]).contains("LGPL-2.1.txt").contains("jfreechart-NOTICE.txt");
    });
    assertThat(resource("/META-INF/licenses/LGPL-2.1.txt"))
        .startsWith("                  GNU LESSER GENERAL PUBLIC LICENSE")
        .contains("Version 2.1, February 1999").contains("END OF TERMS AND CONDITIONS");
    assertThat(resource("/META-INF/licenses/jfreechart-NOTICE.txt"))
        .contains("sources").contains("-Djfreechart.version=").contains("org/jfree/");
  }

  @Test
  void hubsharesOwnLicenceIsAtTheUsualPlace() throws IOException {
    assertThat(resource("/META-INF/LICENSE")).contains("Apache License").contains("Version 2.0, January 2004");
    assertThat(resource("/META-INF/licenses/Apache-2.0.txt")).contains("Version 2.0, January 2004");
  }

  /** group:artifact:version to {licence, files}, from the lines with two {@code |}. */
  private static Map<String, String[]> thirdParty() throws IOException {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (String line : resource("/META-INF/licenses/THIRD-PARTY.txt").split("\n")) {
      String[] parts = line.split("\\|");
      if (parts.length == 3 && parts[0].trim().matches("[\\w.-]+:[\\w.-]+:[\\w.-]+")) {
        out.put(parts[0].trim(), new String[] {parts[1].trim(), parts[2].trim()});
      }
    }
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = LicensesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name + " on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
