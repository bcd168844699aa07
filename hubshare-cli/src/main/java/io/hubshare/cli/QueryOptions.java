package io.hubshare.cli;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of a model listing ({@code GET /api/models}), shared by the commands that list: what to list, in
 * which order, how much, and which fields to ask for.
 */
final class QueryOptions {
  /**
   * The fields asked for unless {@code --expand} or {@code --full} says otherwise: what every share needs (the
   * uploader, creation time, both download counts, likes, tags with the base-model links, task, library, size,
   * licence).
   */
  static final List<String> DEFAULT_EXPAND = List.of("author", "createdAt", "downloads", "downloadsAllTime",
      "likes", "tags", "pipeline_tag", "library_name", "safetensors", "gguf", "cardData");

  @Option(names = "--author", paramLabel = "ACCOUNT", description = "Only models of this account.")
  @Nullable String author;

  @Option(names = "--search", paramLabel = "TEXT", description = "Only models whose id contains TEXT.")
  @Nullable String search;

  @Option(names = "--filter", paramLabel = "TAG",
      description = "Only models with this tag (gguf, license:mit, base_model:quantized:Qwen/Qwen3-8B); "
          + "repeat to require several.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--pipeline-tag", paramLabel = "TASK", description = "Only models of this task (text-generation).")
  @Nullable String pipelineTag;

  @Option(names = "--sort", paramLabel = "KEY",
      description = "Sort key, always descending: downloads, likes, createdAt, lastModified, trendingScore "
          + "(default: the hub's order).")
  @Nullable String sort;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N models (default: the whole listing).")
  @Nullable Long limit;

  @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000",
      description = "Models per request, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(names = "--expand", paramLabel = "FIELD", split = ",",
      description = "Fields to ask for, comma-separated or repeated (default: author, createdAt, downloads, "
          + "downloadsAllTime, likes, tags, pipeline_tag, library_name, safetensors, gguf, cardData).")
  List<String> expand = new ArrayList<>();

  @Option(names = "--full", description = "Ask for every field (full=true) instead of --expand.")
  boolean full;

  /**
   * The query these options describe, with {@code defaultExpand} when neither {@code --expand} nor
   * {@code --full} is given.
   *
   * @throws ParameterException (exit 2) naming the option whose value the query refuses
   */
  ModelQuery toQuery(CommandSpec spec, List<String> defaultExpand) {
    if (full && !expand.isEmpty()) throw new ParameterException(spec.commandLine(),
        "--full and --expand cannot be combined: --full already asks for every field");
    ModelQuery.Builder b = ModelQuery.builder();
    if (author != null) set(spec, "--author", () -> b.author(author));
    if (search != null) set(spec, "--search", () -> b.search(search));
    for (String f : filters) set(spec, "--filter", () -> b.filter(f));
    if (pipelineTag != null) set(spec, "--pipeline-tag", () -> b.pipelineTag(pipelineTag));
    if (sort != null) set(spec, "--sort", () -> b.sort(ModelSort.parse(sort)));
    if (limit != null) set(spec, "--limit", () -> b.limit(limit));
    set(spec, "--page-size", () -> b.pageSize(pageSize));
    if (full) {
      b.full(true);
    } else {
      for (String e : expand.isEmpty() ? defaultExpand : expand) set(spec, "--expand", () -> b.expand(e.trim()));
    }
    return b.build();
  }

  /** Applies one option to the query builder, reporting a refused value as picocli reports a bad one. */
  private static void set(CommandSpec spec, String option, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
          + e.getMessage());
    }
  }

  /** The query, asking for {@link #DEFAULT_EXPAND} unless told otherwise. */
  ModelQuery toQuery(CommandSpec spec) {
    return toQuery(spec, DEFAULT_EXPAND);
  }
}
