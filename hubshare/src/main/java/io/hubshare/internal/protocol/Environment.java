package io.hubshare.internal.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where configuration discovery reads from: environment variables and system properties (the home directory is the
 * {@code user.home} property). Injected into the client's builder so that tests never read the real process
 * environment.
 *
 * <p>A blank value counts as unset, as in the Python client: {@code HF_TOKEN=} does not mean "an empty token".
 */
public record Environment(Map<String, String> variables, Map<String, String> properties) {

  public Environment {
    variables = Map.copyOf(variables);
    properties = Map.copyOf(properties);
  }

  /** The running process's environment and system properties, read once. */
  public static Environment system() {
    Map<String, String> props = new TreeMap<>();
    Properties p = System.getProperties();
    for (String name : p.stringPropertyNames()) props.put(name, p.getProperty(name));
    return new Environment(System.getenv(), props);
  }

  /** An environment variable, or {@code null} when unset or blank. */
  public @Nullable String variable(String name) {
    return nonBlank(variables.get(name));
  }

  /** A system property, or {@code null} when unset or blank. */
  public @Nullable String property(String name) {
    return nonBlank(properties.get(name));
  }

  /** The user's home directory ({@code user.home}), or {@code null}. */
  public @Nullable String home() {
    return property("user.home");
  }

  /**
   * Reads a switch the way the Python client does: {@code 1}, {@code true}, {@code yes}, {@code on} (any case) are
   * on; anything else is off.
   */
  public static boolean isTruthy(@Nullable String value) {
    if (value == null) return false;
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
      case "yes":
      case "on":
        return true;
      default:
        return false;
    }
  }

  private static @Nullable String nonBlank(@Nullable String v) {
    return v == null || v.isBlank() ? null : v;
  }

  /** Lists which names are set, never their values (a token could be among them). */
  @Override
  public String toString() {
    return "Environment[" + variables.size() + " variables, " + properties.size() + " properties]";
  }
}
