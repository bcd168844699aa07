package io.hubshare.internal.modelscope;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a model card's YAML header says of the model's bases: {@code base_model} (one id, a flow list
 * {@code [a, b]} or a block list of {@code - a} lines) and {@code base_model_relation}. ModelScope's legacy model
 * body carries the card as {@code ReadMeContent}; its listing carries no lineage at all.
 *
 * <p>Only the top-level keys of the header between the leading {@code ---} lines are read, and only these two; the
 * rest of the YAML is skipped, never interpreted. A card without such a header names no base.
 *
 * @param baseModels the ids named, in order, without duplicates
 * @param relation the {@code base_model_relation} value, or {@code null}
 */
record CardHeader(List<String> baseModels, @Nullable String relation) {
  /** Headers longer than this are cut: a card header is a few dozen lines. */
  static final int MAX_HEADER_CHARS = 64 * 1024;

  static final CardHeader NONE = new CardHeader(List.of(), null);

  CardHeader {
    baseModels = List.copyOf(baseModels);
  }

  /** Reads the header of {@code card}, or {@link #NONE} when it has none. */
  static CardHeader parse(@Nullable String card) {
    if (card == null) return NONE;
    String text = card.startsWith("\uFEFF") ? card.substring(1) : card;
    List<String> lines = headerLines(text);
    if (lines == null) return NONE;
    Set<String> bases = new LinkedHashSet<>();
    String relation = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")) continue;
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      String key = line.substring(0, colon).trim();
      String value = stripComment(line.substring(colon + 1)).trim();
      if (key.equals("base_model")) {
        if (value.isEmpty()) {
          for (int j = i + 1; j < lines.size() && isItem(lines.get(j)); j++) {
            add(bases, lines.get(j).trim().substring(1));
          }
        } else if (value.startsWith("[")) {
          int end = value.lastIndexOf(']');
          for (String item : value.substring(1, end < 0 ? value.length() : end).split(",")) add(bases, item);
        } else {
          add(bases, value);
        }
      } else if (key.equals("base_model_relation")) {
        String r = unquote(value);
        relation = r.isEmpty() ? null : r;
      }
    }
    return new CardHeader(new ArrayList<>(bases), relation);
  }

  /** The lines between a leading {@code ---} and the next {@code ---} (or {@code ...}), or {@code null}. */
  private static @Nullable List<String> headerLines(String text) {
    String[] all = text.substring(0, Math.min(text.length(), MAX_HEADER_CHARS)).split("\r?\n", -1);
    if (all.length == 0 || !all[0].strip().equals("---")) return null;
    List<String> lines = new ArrayList<>();
    for (int i = 1; i < all.length; i++) {
      String s = all[i].strip();
      if (s.equals("---") || s.equals("...")) return lines;
      lines.add(all[i]);
    }
    return null; // never closed, or longer than the bound: not a header this trusts
  }

  /** A block-list item: {@code - value}, indented or not. */
  private static boolean isItem(String line) {
    String t = line.trim();
    return t.startsWith("-") && (t.length() == 1 || t.charAt(1) == ' ');
  }

  private static void add(Set<String> bases, String raw) {
    String v = unquote(stripComment(raw).trim());
    if (!v.isEmpty() && !v.equals("null") && !v.equals("~")) bases.add(v);
  }

  private static String stripComment(String s) {
    int hash = s.indexOf(" #");
    return hash < 0 ? s : s.substring(0, hash);
  }

  private static String unquote(String s) {
    String t = s.trim();
    if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
      return t.substring(1, t.length() - 1).trim();
    }
    return t;
  }
}
