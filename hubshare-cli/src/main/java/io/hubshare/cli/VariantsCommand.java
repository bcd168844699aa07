package io.hubshare.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.HubClient;
import io.hubshare.hub.ModelIds;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.origin.OriginRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hubshare variants ID}: the models that name {@code ID} as their base (finetunes, adapters, quantizations,
 * merges), most downloaded first. Hubs have no endpoint for children: they are listed with a
 * base-model filter (on Hugging Face, the {@code base_model:} tag).
 */
@Command(name = "variants",
    description = "List the models derived from a model: finetunes, adapters, quantizations and merges that name it as "
        + "their base, most downloaded (30 days) first. Only direct children: a quantization of a finetune is a "
        + "variant of the finetune.")
final class VariantsCommand implements Callable<Integer> {
  /** How many variants are listed unless {@code --limit} says otherwise. */
  static final int DEFAULT_LIMIT = 100;

  @ParentCommand
  private HubshareCommand root;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The base model's repository id (Qwen/Qwen3-8B).")
  private String id;

  @Option(names = "--relation", paramLabel = "R", converter = Converters.RelationConverter.class,
      completionCandidates = Converters.Relations.class,
      description = "Only variants of this relation: ${COMPLETION-CANDIDATES}.")
  private @Nullable Relation relation;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
      description = "At most N variants (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Mixin
  private HubOptions hub;

  @Override
  public Integer call() {
    ModelIds.requireValid(id);
    if (limit < 1) throw CliFailure.usage("--limit must be at least 1: " + limit);
    ModelQuery query = ModelQuery.builder()
        .baseModel(id, relation)
        .sort(ModelSort.DOWNLOADS)
        .pageSize(Math.min(limit, ModelQuery.MAX_PAGE_SIZE))
        .limit(limit)
        .build();
    List<Model> variants;
    try (HubClient client = hub.client(root.context());
        Stream<Model> listing = client.models().list(query).stream()) {
      variants = listing.limit(limit).collect(Collectors.toList());
    }
    Output out = Output.of(spec);
    if (format == OutputFormat.JSON) {
      out.json(toJson(variants));
    } else if (format == OutputFormat.CSV) {
      out.print(toCsv(variants).toCsv());
    } else {
      out.print(toTable(variants).toText());
    }
    return ExitCodes.OK;
  }

  /** The JSON's variants as CSV: the same names, raw numbers, full instants; an absent value is an empty cell. */
  private TextTable toCsv(List<Model> variants) {
    TextTable t = TextTable.of("id", "relation", "author", "country", "downloads", "likes", "createdAt",
        "pipelineTag");
    OriginRegistry origins = OriginRegistry.bundled();
    for (Model m : variants) {
      t.add(m.id(), relationTo(m).label(), m.author(), origins.of(m).country(), m.downloads().last30Days(),
          m.downloads().likes(), m.createdAt(), m.pipelineTag());
    }
    return t;
  }

  /** {@code {"id", "relation", "variants": [{"id", "relation", "author", "country", "downloads", ...}]}}. */
  private ObjectNode toJson(List<Model> variants) {
    ObjectNode n = Json.object();
    n.put("id", id);
    n.put("relation", relation == null ? null : relation.label());
    ArrayNode list = n.putArray("variants");
    OriginRegistry origins = OriginRegistry.bundled();
    for (Model m : variants) {
      ObjectNode v = list.addObject();
      v.put("id", m.id());
      v.put("relation", relationTo(m).label());
      v.put("author", m.author());
      v.put("country", origins.of(m).country());
      v.put("downloads", m.downloads().last30Days());
      v.put("likes", m.downloads().likes());
      v.put("createdAt", m.createdAt() == null ? null : m.createdAt().toString());
      v.put("pipelineTag", m.pipelineTag());
    }
    return n;
  }

  private TextTable toTable(List<Model> variants) {
    TextTable t = TextTable.of("id", "relation", "downloads", "likes", "created", "country");
    OriginRegistry origins = OriginRegistry.bundled();
    for (Model m : variants) {
      t.add(m.id(), relationTo(m).label(),
          m.downloads().last30Days() == null ? null : Numbers.grouped(m.downloads().last30Days()),
          m.downloads().likes() == null ? null : Numbers.grouped(m.downloads().likes()),
          m.createdAt() == null ? null : m.createdAt().toString().substring(0, 10),
          origins.of(m).country());
    }
    return t.alignRight(2, 3);
  }

  /** How {@code variant} derives from the asked model: the relation of its link to it, else its own relation. */
  private Relation relationTo(Model variant) {
    for (BaseModel b : variant.baseModels()) {
      if (b.id().equalsIgnoreCase(id)) return b.relation();
    }
    return relation != null ? relation : variant.relation();
  }
}
