package io.hubshare.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON form of tables and series. */
final class JsonFormat {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int[] TOP_KS = {1, 3, 5, 10};

  private JsonFormat() {}

  static String table(ShareTable t, int top) {
    return write(tableNode(t, top));
  }

  static String series(ShareSeries s) {
    ObjectNode root = JSON.createObjectNode();
    ShareSeries.Point first = s.points().isEmpty() ? null : s.points().get(0);
    if (first != null) header(root, first.table());
    ArrayNode points = root.putArray("points");
    for (ShareSeries.Point p : s.points()) {
      ObjectNode point = points.addObject();
      point.put("at", p.at().toString());
      point.set("table", tableNode(p.table(), p.table().rows().size()));
    }
    return write(root);
  }

  private static void header(ObjectNode node, ShareTable t) {
    node.put("dimension", t.dimension().key());
    node.put("metric", t.metric().key());
    node.put("attribution", t.attribution().name().toLowerCase(Locale.ROOT));
  }

  static ObjectNode tableNode(ShareTable t, int top) {
    ObjectNode root = JSON.createObjectNode();
    header(root, t);
    root.put("total", t.total());
    root.put("knownTotal", t.knownTotal());
    ArrayNode rows = root.putArray("rows");
    List<ShareRow> shown = t.top(Math.max(1, top));
    for (ShareRow r : shown) rows.add(rowNode(r));
    if (shown.size() < t.rows().size()) {
      List<ShareRow> rest = t.rows().subList(shown.size(), t.rows().size());
      ObjectNode others = root.putObject("others");
      long value = rest.stream().mapToLong(ShareRow::value).sum();
      others.put("rows", rest.size());
      others.put("value", value);
      others.put("share", t.total() == 0 ? 0.0 : (double) value / t.total());
      others.put("models", rest.stream().mapToLong(ShareRow::models).sum());
    }
    // "unknown" is a number like "total", so rows' values + unknown = total; the row itself follows.
    root.put("unknown", t.unknown().value());
    root.put("unknownShare", t.unknown().share());
    root.set("unknownRow", rowNode(t.unknown()));
    root.put("hhi", t.hhi());
    root.put("gini", t.gini());
    ObjectNode tops = root.putObject("topShares");
    for (int k : TOP_KS) tops.put(Integer.toString(k), t.topShare(k));
    ObjectNode models = root.putObject("models");
    models.put("seen", t.counts().seen());
    models.put("matched", t.counts().matched());
    models.put("counted", t.counts().counted());
    root.put("missing", t.counts().missing());
    root.put("negative", t.counts().negative());
    ObjectNode filters = root.putObject("filters");
    for (Map.Entry<String, String> f : t.filters().entrySet()) filters.put(f.getKey(), f.getValue());
    return root;
  }

  private static ObjectNode rowNode(ShareRow r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("key", r.key());
    n.put("label", r.label());
    n.put("value", r.value());
    n.put("share", r.share());
    n.put("rank", r.rank());
    n.put("models", r.models());
    n.put("missing", r.missing());
    return n;
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; this would be a bug here, not bad input.
      throw new UncheckedIOException("cannot write share JSON", e);
    }
  }
}
