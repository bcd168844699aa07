package io.hubshare.internal.hf;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Relation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model's base-model links, merged from whatever the response carries. The sources, in the order their links
 * are listed:
 *
 * <ol>
 *   <li>tags {@code base_model:<relation>:<id>}: the Hub's own computation, with the relation;
 *   <li>{@code baseModels} (the info call's {@code expand=baseModels}): {@code {"relation", "models": [{"id"}]}};
 *   <li>tags {@code base_model:<id>} without a relation;
 *   <li>{@code cardData.base_model} (a string or a list), <em>only when the response carries no base-model tag and
 *       no {@code baseModels}</em>.
 * </ol>
 *
 * <p>Why the card comes last, and only as a fallback: the Hub computes the tags from the card after resolving
 * renamed repositories and dropping names it cannot find, so where the two disagree the tags are right. The card
 * of {@code meta-llama/Llama-3.1-8B-Instruct} still says {@code meta-llama/Meta-Llama-3.1-8B}, its tags say
 * {@code meta-llama/Llama-3.1-8B}; cards naming {@code bert-base-uncased} get tags naming
 * {@code google-bert/bert-base-uncased}. Adding the card's names to the tags' would count such a base twice. When
 * the Hub computed nothing (a list call that asked for {@code cardData} but not {@code tags}, or tags the Hub has
 * not yet filled), the card is all there is, and its links are kept.
 *
 * <p>Links are unique by id, compared ignoring case (the Hub resolves ids case-insensitively), keeping the first
 * spelling and the first explicit relation seen. Dropped: ids that are not valid repository ids (URLs, local
 * paths such as {@code ./model} or {@code /cache/models/x}, which adapters trained from a local copy carry even in
 * the Hub's tags), placeholders such as {@code none}, and a model naming itself (compared ignoring case; a
 * different repository with a similar name is a real link and stays). A link that still lacks a relation takes
 * the relation the Hub gave the model's other links, else {@code cardData.base_model_relation} when valid, else
 * the one {@link RelationInference} infers.
 */
final class BaseModelLinks {
  private static final String TAG_PREFIX = "base_model:";

  private BaseModelLinks() {}

  /**
   * @param modelId the model's own id, to drop self-references
   * @param tags the model's tags
   * @param expandedRelation {@code baseModels.relation}, when sent
   * @param expandedIds the ids of {@code baseModels.models}, or {@code null} when the response has no
   *     {@code baseModels}
   * @param cardBases {@code cardData.base_model}, as a list
   * @param cardRelation {@code cardData.base_model_relation}, when sent
   * @param libraryName the model's library, for inference
   */
  static List<BaseModel> resolve(String modelId, List<String> tags, @Nullable String expandedRelation,
      @Nullable List<String> expandedIds, List<String> cardBases, @Nullable String cardRelation,
      @Nullable String libraryName) {
    boolean anyTag = false;
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).startsWith(TAG_PREFIX)) {
        anyTag = true;
        break;
      }
    }
    if (!anyTag && expandedIds == null && cardBases.isEmpty()) return List.of();

    List<Link> links = new ArrayList<>(4);
    if (anyTag) {
      for (int i = 0; i < tags.size(); i++) {
        String t = tags.get(i);
        if (!t.startsWith(TAG_PREFIX)) continue;
        int colon = t.indexOf(':', TAG_PREFIX.length());
        Relation r = colon < 0 ? null : relation(t, TAG_PREFIX.length(), colon);
        if (r != null) add(links, modelId, t.substring(colon + 1), r);
      }
    }
    if (expandedIds != null) {
      Relation r = relation(expandedRelation);
      for (String id : expandedIds) add(links, modelId, id, r);
    }
    if (anyTag) {
      for (int i = 0; i < tags.size(); i++) {
        String t = tags.get(i);
        if (!t.startsWith(TAG_PREFIX)) continue;
        int colon = t.indexOf(':', TAG_PREFIX.length());
        if (colon < 0 || relation(t, TAG_PREFIX.length(), colon) == null) {
          // Mostly the bare tag of a base a relation tag named already: nothing to add, no substring to make.
          if (!linked(links, t, TAG_PREFIX.length())) add(links, modelId, t.substring(TAG_PREFIX.length()), null);
        }
      }
    }
    if (!anyTag && expandedIds == null) {
      for (String id : cardBases) add(links, modelId, id.trim(), null);
    }
    if (links.isEmpty()) return List.of();

    Relation fallback = null;
    List<BaseModel> out = new ArrayList<>(links.size());
    for (Link l : links) {
      Relation r = l.relation;
      if (r == null) {
        if (fallback == null) fallback = fallbackRelation(links, tags, cardRelation, libraryName);
        r = fallback;
      }
      out.add(new BaseModel(l.id, r));
    }
    return out;
  }

  /**
   * The relation of the links the response names without one. The Hub gives a model one relation for all its
   * bases (no model of the sample mixes two), so a relation it stated for another link comes first; then the
   * card's {@code base_model_relation}; then inference.
   */
  private static Relation fallbackRelation(List<Link> links, List<String> tags, @Nullable String cardRelation,
      @Nullable String libraryName) {
    for (Link l : links) {
      if (l.relation != null) return l.relation;
    }
    Relation declared = relation(cardRelation);
    return declared != null ? declared : RelationInference.infer(links.size(), tags, libraryName);
  }

  /**
   * Adds a link unless its id is already there ignoring case. A linkable id is ASCII, so ignoring case is
   * {@link String#equalsIgnoreCase}; a model has a handful of links, so a scan beats a map keyed by the lower-cased
   * id (which costs a string per link).
   */
  private static void add(List<Link> links, String modelId, String id, @Nullable Relation relation) {
    // A link already there is linkable and not the model itself, and both tests ignore case: look for it first.
    for (int i = 0; i < links.size(); i++) {
      Link existing = links.get(i);
      if (existing.id.equalsIgnoreCase(id)) {
        if (existing.relation == null) existing.relation = relation;
        return;
      }
    }
    if (!RepoIds.isLinkable(id) || id.equalsIgnoreCase(modelId)) return;
    links.add(new Link(id, relation));
  }

  /** Whether a link's id equals {@code s.substring(from)} ignoring case. */
  private static boolean linked(List<Link> links, String s, int from) {
    for (int i = 0; i < links.size(); i++) {
      String id = links.get(i).id;
      if (id.length() == s.length() - from && s.regionMatches(true, from, id, 0, id.length())) return true;
    }
    return false;
  }

  /** A relation a link can have, or {@code null} (never {@link Relation#ORIGINAL}). */
  private static @Nullable Relation relation(@Nullable String wire) {
    Relation r = Relation.parse(wire);
    return r == Relation.ORIGINAL ? null : r;
  }

  /**
   * As {@link #relation(String)} of {@code s.substring(from, to)}, without making the substring: a tag's relation is
   * read twice for each of millions of tags.
   */
  private static @Nullable Relation relation(String s, int from, int to) {
    while (from < to && s.charAt(from) <= ' ') from++;
    while (to > from && s.charAt(to - 1) <= ' ') to--;
    for (Relation r : RELATIONS) {
      String label = r.label();
      if (label.length() == to - from && s.regionMatches(true, from, label, 0, label.length())) {
        return r == Relation.ORIGINAL ? null : r;
      }
    }
    return null;
  }

  private static final Relation[] RELATIONS = Relation.values();

  private static final class Link {
    final String id;
    @Nullable Relation relation;

    Link(String id, @Nullable Relation relation) {
      this.id = id;
      this.relation = relation;
    }
  }
}
