package io.hubshare.cli;

import io.hubshare.HubClient;
import io.hubshare.domain.Hub;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the commands take from the world outside the command line: the environment, whether a person watches
 * stderr, and how hub clients are made. {@link Main} builds it from the process; tests build their own so that
 * nothing depends on the machine.
 *
 * @param environment the process's variables; only used to keep tokens off the screen
 * @param interactive whether stderr is a terminal, so that progress bars make sense
 * @param clients a new client builder configured from the environment ({@code HF_ENDPOINT}, {@code HF_TOKEN}, the
 *     token file…), before any command-line override
 */
record CliContext(Map<String, String> environment, boolean interactive, Supplier<HubClient.Builder> clients) {

  /** The variables that may hold a token: their values never reach the screen. */
  private static final List<String> TOKEN_VARIABLES = List.of("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN",
      "MODELSCOPE_API_TOKEN");

  CliContext {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(clients, "clients");
  }

  /** The running process: its environment, a terminal when the JVM has a console, clients as the library finds them. */
  static CliContext system() {
    return new CliContext(System.getenv(), System.console() != null, HubClient::builder);
  }

  /**
   * A client of the hub at {@code endpoint}, or of the one the environment names when {@code null}.
   *
   * @throws CliFailure (exit 2) if {@code endpoint} is not an http(s) URL
   * @throws IllegalArgumentException if the environment's endpoint or token is malformed
   */
  HubClient client(@Nullable String endpoint) {
    return client(null, endpoint);
  }

  /**
   * A client of {@code hub} (the default hub when {@code null}) at {@code endpoint}, or at the endpoint the
   * environment names for that hub when {@code null}.
   *
   * @throws CliFailure (exit 2) if hubshare does not speak to {@code hub} or {@code endpoint} is not an http(s) URL
   */
  HubClient client(@Nullable Hub hub, @Nullable String endpoint) {
    HubClient.Builder b = clients.get();
    if (hub != null) {
      try {
        b.hub(hub);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage("--hub: " + e.getMessage());
      }
    }
    if (endpoint != null) {
      try {
        b.endpoint(endpoint);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage("--endpoint must be an absolute http or https URL: '" + endpoint + "'");
      }
    }
    return b.build();
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
