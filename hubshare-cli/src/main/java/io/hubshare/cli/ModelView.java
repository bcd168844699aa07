package io.hubshare.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.domain.BaseModel;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Model;
import io.hubshare.origin.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A model as {@code hubshare model} prints it: one field per line for people, or a JSON object whose keys follow
 * the Hub's names ({@code downloads} is the 30-day count, {@code downloadsAllTime} the all-time one). A field the
 * hub did not send is {@code null}, never 0.
 */
final class ModelView {
  private ModelView() {}

  /** The model's fields as a JSON object, with its uploader's origin. */
  static ObjectNode toJson(Model m, Origin origin) {
    ObjectNode n = Json.object();
    n.put("id", m.id());
    n.put("author", m.author());
    n.put("sha", m.sha());
    n.put("createdAt", instant(m.createdAt()));
    n.put("lastModified", instant(m.lastModified()));
    n.put("pipelineTag", m.pipelineTag());
    n.put("libraryName", m.libraryName());
    n.put("license", m.license());
    n.put("parameters", m.parameters());
    n.put("gated", m.gating() == null ? null : m.gating().name().toLowerCase(Locale.ROOT));
    n.put("private", m.isPrivate());
    n.put("disabled", m.disabled());
    DownloadMetrics d = m.downloads();
    n.put("downloads", d.last30Days());
    n.put("downloadsAllTime", d.allTime());
    n.put("likes", d.likes());
    n.put("trendingScore", d.trendingScore());
    n.put("relation", m.relation().label());
    ArrayNode bases = n.putArray("baseModels");
    for (BaseModel b : m.baseModels()) bases.addObject().put("id", b.id()).put("relation", b.relation().label());
    ArrayNode tags = n.putArray("tags");
    m.tags().forEach(tags::add);
    n.set("origin", OriginsCommand.toJson(List.of(origin)).get(0));
    return n;
  }

  /** The model as aligned {@code field  value} lines. */
  static String toText(Model m, Origin origin) {
    Map<String, @Nullable String> f = new LinkedHashMap<>();
    f.put("id", m.id());
    f.put("author", m.author());
    f.put("origin", describe(origin));
    f.put("created", instant(m.createdAt()));
    f.put("last modified", instant(m.lastModified()));
    f.put("pipeline tag", m.pipelineTag());
    f.put("library", m.libraryName());
    f.put("license", m.license());
    f.put("parameters", m.parameters() == null ? null : Numbers.grouped(m.parameters()));
    f.put("gated", m.gating() == null ? null : m.gating().name().toLowerCase(Locale.ROOT));
    DownloadMetrics d = m.downloads();
    f.put("downloads (30 days)", d.last30Days() == null ? null : Numbers.grouped(d.last30Days()));
    f.put("downloads (all time)", d.allTime() == null ? null : Numbers.grouped(d.allTime()));
    f.put("likes", d.likes() == null ? null : Numbers.grouped(d.likes()));
    f.put("relation", m.relation().label());
    List<String> bases = new ArrayList<>();
    for (BaseModel b : m.baseModels()) bases.add(b.relation().label() + ":" + b.id());
    f.put("base models", bases.isEmpty() ? null : String.join(", ", bases));
    f.put("sha", m.sha());
    f.put("tags", m.tags().isEmpty() ? null : String.join(", ", m.tags()));
    return TextTable.keyValues(f);
  }

  /** {@code Alibaba (CN, China, industry)}, or {@code unknown} for an account the registry does not know. */
  static String describe(Origin o) {
    if (!o.isKnown()) return "unknown";
    return o.organization() + " (" + o.country() + ", " + o.region() + ", " + o.kind().label() + ")";
  }

  private static @Nullable String instant(@Nullable Instant i) {
    return i == null ? null : i.toString();
  }
}
