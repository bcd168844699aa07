package io.hubshare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code hubshare --version}: the version Maven recorded in the jar ({@code pom.properties}), and the Java running
 * it. A build from the source tree, which has no jar, says so.
 */
final class VersionProvider implements IVersionProvider {
  private static final String POM_PROPERTIES = "/META-INF/maven/io.hubshare/hubshare/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
        "hubshare " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
  }

  /** The project version, or {@code development build} outside a packaged jar. */
  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) return "(development build)";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "(unknown version)");
    } catch (IOException e) {
      return "(unknown version)";
    }
  }
}
