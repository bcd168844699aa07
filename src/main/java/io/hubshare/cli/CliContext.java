package io.hubshare.cli;

import java.util.List;
import java.util.Map;

/**
 * What the commands take from the world outside the command line: the environment and whether a person watches
 * stderr. {@link Main} builds it from the process; tests build their own so nothing depends on the machine.
 *
 * @param environment the variables the hub client reads ({@code HF_TOKEN}, {@code HF_ENDPOINT}…)
 * @param interactive whether stderr is a terminal, so that progress bars make sense
 */
record CliContext(Map<String, String> environment, boolean interactive) {

  /** The variables that may hold a token: their values never reach the screen. */
  private static final List<String> TOKEN_VARIABLES = List.of("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN");

  CliContext {
    environment = Map.copyOf(environment);
  }

  /** The running process: its environment, and a terminal when the JVM has a console. */
  static CliContext system() {
    return new CliContext(System.getenv(), System.console() != null);
  }

  /** {@code text} with any token from the environment replaced by {@code ***}. */
  String redact(String text) {
    String safe = text;
    for (String name : TOKEN_VARIABLES) {
      String token = environment.get(name);
      if (token != null && token.strip().length() >= 4) safe = safe.replace(token.strip(), "***");
    }
    return safe;
  }

  // The environment is never printed whole: it may hold a token.
  @Override
  public String toString() {
    return "CliContext[" + environment.size() + " variables, interactive=" + interactive + "]";
  }

}
