package io.hubshare.cli;

import io.hubshare.HubClient;
import io.hubshare.hub.ModelIds;
import io.hubshare.domain.Model;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.RevisionNotFoundException;
import io.hubshare.origin.OriginRegistry;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hubshare model ID}: one model's metadata, with the origin of its uploader. Never fetches a file. */
@Command(name = "model",
    description = "Show one model's metadata: task, library, licence, size, downloads (30 days and all time), likes, "
        + "base models, tags, and the origin of the account that uploaded it. Reads the info endpoint only: it "
        + "never fetches a model file, so it never counts as a download.")
final class ModelCommand implements Callable<Integer> {

  @ParentCommand
  private HubshareCommand root;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The model's repository id, owner/name (Qwen/Qwen3-8B).")
  private String id;

  @Option(names = "--revision", paramLabel = "REV", description = "A branch, tag or commit (default: main).")
  private @Nullable String revision;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Option(names = "--raw", description = "Print the model's JSON exactly as the hub sent it.")
  private boolean raw;

  @Mixin
  private HubOptions hub;

  @Override
  public Integer call() {
    OutputFormat f = format.withoutCsv(spec);
    ModelIds.requireValid(id);
    Model model;
    try (HubClient client = hub.client(root.context())) {
      model = revision == null ? client.models().get(id) : client.models().get(id, revision);
    } catch (RevisionNotFoundException e) {
      throw CliFailure.io("revision '" + revision + "' of model '" + id + "' not found", e);
    } catch (RepositoryNotFoundException e) {
      throw CliFailure.io("model '" + id + "' not found (or private: a token with access is needed)", e);
    }
    Output out = Output.of(spec);
    if (raw) {
      out.json(Json.parse(model.rawJson()));
    } else if (f == OutputFormat.JSON) {
      out.json(ModelView.toJson(model, OriginRegistry.bundled().of(model)));
    } else {
      out.print(ModelView.toText(model, OriginRegistry.bundled().of(model)));
    }
    return ExitCodes.OK;
  }
}
