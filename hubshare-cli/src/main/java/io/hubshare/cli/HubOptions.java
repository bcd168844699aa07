package io.hubshare.cli;

import io.hubshare.HubClient;
import io.hubshare.domain.Hub;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --hub} and {@code --endpoint}: which hub a command talks to, when not the one the environment names. */
final class HubOptions {
  @Option(names = "--hub", paramLabel = "HUB",
      description = "The hub: huggingface (or hf, the default) or modelscope (or ms). It decides the default "
          + "endpoint and where the token comes from: HF_ENDPOINT and HF_TOKEN (or the token file) for Hugging Face; "
          + "MODELSCOPE_ENDPOINT and MODELSCOPE_API_TOKEN (or ~/.modelscope/credentials) for ModelScope.")
  @Nullable String hub;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The hub's base URL (default: the hub's variable, HF_ENDPOINT or MODELSCOPE_ENDPOINT, else the "
          + "hub itself). The token, if any, comes from the hub's variable or file, as for its Python client.")
  @Nullable String endpoint;

  /** The hub asked for, or {@code null} for the default. */
  @Nullable Hub hub() {
    if (hub == null) return null;
    try {
      return Hub.of(hub);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--hub: " + e.getMessage());
    }
  }

  /** A client of the hub and endpoint these options name, else of those the environment names. */
  HubClient client(CliContext context) {
    return context.client(hub(), endpoint);
  }
}
