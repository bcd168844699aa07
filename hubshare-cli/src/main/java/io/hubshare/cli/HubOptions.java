package io.hubshare.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --endpoint}: which hub a command talks to, when not the one the environment names. */
final class HubOptions {
  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The hub's base URL (default: the HF_ENDPOINT variable, else the Hugging Face Hub). The token, "
          + "if any, comes from HF_TOKEN or the token file, as for the Python client.")
  @Nullable String endpoint;
}
