package io.hubshare.internal.modelscope;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.domain.BaseModel;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Gating;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.hub.ModelIds;
import io.hubshare.internal.protocol.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads ModelScope's model objects into {@link Model}s: the OpenAPI's snake_case items (modelscope_hub
 * {@code types.py RepoInfo}) and the legacy API's PascalCase {@code Data} (modelscope {@code hub/info.py
 * ModelInfo}), which one reader accepts because the SDK's own {@code _repo_info_from_payload} does.
 *
 * <p>Mapping: id from {@code id} ({@code "owner/name"}), else {@code Path}/{@code Owner} + {@code Name}, else the
 * id asked for; downloads ({@code downloads}/{@code Downloads}) are <b>cumulative</b>, so they go to
 * {@link DownloadMetrics#allTime()} and the 30-day count stays absent; likes from {@code likes}, {@code Stars},
 * {@code Likes}; times from {@code created_at}/{@code CreatedTime}/{@code CreatedAt} and
 * {@code last_modified}/{@code LastUpdatedTime}/{@code UpdatedAt}/{@code LastModified} (see {@link Timestamps});
 * the task from the first of {@code tasks} (strings) or {@code Tasks} ({@code [{"Name"}]}); licence; tags (strings,
 * or objects with {@code Name}); {@code gated} true → {@link Gating#MANUAL}, false → {@link Gating#OPEN};
 * {@code private}, else {@code Visibility} 1 (private) / 3 (internal) / 5 (public); base models from the YAML
 * header of {@code ReadMeContent}, when the body carries the card. Everything else stays in {@code rawJson}.
 */
final class MsModels {
  private MsModels() {}

  /**
   * Reads one model object.
   *
   * @param raw the object's exact text, kept as {@link Model#rawJson()}
   * @param askedId the id the request named, used when the body names none (legacy bodies), else {@code null}
   * @throws WireFormatException if the text is not an object or no valid {@code owner/name} id can be found
   */
  static Model read(String raw, @Nullable String askedId) {
    JsonNode o = MsJson.tree(raw, "a model object");
    if (!o.isObject()) throw new WireFormatException("expected a model object");
    String id = id(o, askedId);
    String owner = id.substring(0, id.indexOf('/'));

    List<String> tags = MsJson.names(MsJson.first(o, "tags", "Tags"));
    List<String> tasks = MsJson.names(MsJson.first(o, "tasks", "Tasks"));
    Long likes = MsJson.count(MsJson.first(o, "likes", "Stars", "Likes"));
    DownloadMetrics downloads = new DownloadMetrics(null, MsJson.count(MsJson.first(o, "downloads", "Downloads")),
        likes, null);
    CardHeader card = CardHeader.parse(MsJson.text(MsJson.first(o, "ReadMeContent", "readme_content")));
    return new Model(Hub.MODELSCOPE, id, owner, null,
        Timestamps.read(MsJson.first(o, "created_at", "CreatedTime", "CreatedAt")),
        Timestamps.read(MsJson.first(o, "last_modified", "LastUpdatedTime", "UpdatedAt", "LastModified")),
        tasks.isEmpty() ? null : tasks.get(0),
        null,
        tags,
        gating(MsJson.first(o, "gated")),
        isPrivate(o),
        null,
        MsJson.text(MsJson.first(o, "license", "License")),
        null,
        downloads,
        baseModels(card, id, tags),
        raw);
  }

  private static String id(JsonNode o, @Nullable String askedId) {
    String id = MsJson.text(MsJson.first(o, "id"));
    if (id == null || id.indexOf('/') < 0) {
      String owner = MsJson.text(MsJson.first(o, "Path", "Owner", "owner"));
      String name = MsJson.text(MsJson.first(o, "Name", "name"));
      if (owner != null && name != null) {
        id = owner + "/" + name;
      } else if (askedId != null) {
        id = askedId;
      }
    }
    if (id == null) throw new WireFormatException("model without an id (neither 'id' nor 'Path' and 'Name')");
    if (id.indexOf('/') < 0 || !ModelIds.isValid(id)) {
      throw new WireFormatException("model with an invalid id '" + id + "' (expected owner/name)");
    }
    return id;
  }

  private static @Nullable Gating gating(@Nullable JsonNode v) {
    Boolean b = MsJson.bool(v);
    return b == null ? null : b ? Gating.MANUAL : Gating.OPEN;
  }

  /** {@code private}, else the legacy {@code Visibility}: 1 private, 3 internal (logged-in users), 5 public. */
  private static @Nullable Boolean isPrivate(JsonNode o) {
    Boolean flag = MsJson.bool(MsJson.first(o, "private"));
    if (flag != null) return flag;
    Long visibility = MsJson.count(MsJson.first(o, "Visibility", "visibility"));
    if (visibility == null) return null;
    if (visibility == 1) return true;
    return visibility == 3 || visibility == 5 ? false : null;
  }

  /**
   * The bases the card names, valid ids other than the model itself. The relation is the card's
   * {@code base_model_relation}, else merge for several bases, quantized when the tags say GGUF, GPTQ or AWQ,
   * adapter for LoRA, else finetune.
   */
  private static List<BaseModel> baseModels(CardHeader card, String id, List<String> tags) {
    List<String> ids = new ArrayList<>();
    for (String b : card.baseModels()) {
      if (ModelIds.isValid(b) && !b.equalsIgnoreCase(id) && !ids.contains(b)) ids.add(b);
    }
    if (ids.isEmpty()) return List.of();
    Relation relation = Relation.parse(card.relation());
    if (relation == null || relation == Relation.ORIGINAL) relation = infer(ids.size(), tags);
    List<BaseModel> out = new ArrayList<>(ids.size());
    for (String b : ids) out.add(new BaseModel(b, relation));
    return out;
  }

  private static Relation infer(int bases, List<String> tags) {
    List<String> lower = tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    if (lower.contains("lora") || lower.contains("peft") || lower.contains("adapter")) return Relation.ADAPTER;
    if (bases > 1) return Relation.MERGE;
    for (String t : List.of("gguf", "gptq", "awq", "int4", "int8", "fp8", "bnb", "4-bit", "8-bit")) {
      if (lower.contains(t)) return Relation.QUANTIZED;
    }
    return Relation.FINETUNE;
  }
}
