package io.hubshare.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.domain.BaseModel;
import io.hubshare.lineage.Lineage;
import io.hubshare.lineage.LineageStep;
import io.hubshare.origin.Origin;
import io.hubshare.origin.OriginRegistry;
import java.util.Locale;

/**
 * A lineage as {@code hubshare lineage} prints it: the model, then each base up to the root, with how each step
 * derives and who developed each model. A missing parent or a cycle is shown as such, never hidden.
 */
final class LineageView {
  private LineageView() {}

  /**
   * {@code {"id", "chain": [{"id", "relation", "missing"}, ...], "root", "end", "repeated", "depth"}}; a step of a
   * model with several bases also lists the {@code otherParents} the walk did not follow.
   */
  static ObjectNode toJson(Lineage l) {
    ObjectNode n = Json.object();
    n.put("id", l.id());
    ArrayNode chain = n.putArray("chain");
    for (LineageStep s : l.chain()) {
      ObjectNode step = chain.addObject();
      step.put("id", s.id());
      step.put("relation", s.relation().label());
      step.put("missing", s.missing());
      if (s.isOneOfSeveral()) {
        ArrayNode others = step.putArray("otherParents");
        for (BaseModel b : s.otherParents()) others.addObject().put("id", b.id()).put("relation", b.relation().label());
      }
    }
    n.put("root", l.root());
    n.put("end", l.end().name().toLowerCase(Locale.ROOT));
    n.put("repeated", l.repeated());
    n.put("depth", l.depth());
    return n;
  }

  /** One line per model, from the model to its root, with the developer of each, and how the walk ended. */
  static String toText(Lineage l, OriginRegistry origins) {
    TextTable t = TextTable.of("step", "relation", "id", "developer", "note");
    t.add(0, "", l.id(), developer(l.id(), origins), l.chain().isEmpty() ? endNote(l) : "");
    int i = 1;
    for (LineageStep s : l.chain()) {
      boolean last = i == l.chain().size();
      String note = s.missing() ? "missing: deleted, private, gated or not in the snapshot" : last ? endNote(l) : "";
      if (s.isOneOfSeveral()) {
        note = (note.isEmpty() ? "" : note + "; ") + "also derives from " + s.otherParents();
      }
      t.add(i++, s.relation().label(), s.id(), developer(s.id(), origins), note);
    }
    return t.alignRight(0).toText();
  }

  private static String endNote(Lineage l) {
    switch (l.end()) {
      case ROOT: return "root";
      case CYCLE: return "cycle: its base " + l.repeated() + " was already walked through";
      default: return l.chain().isEmpty() ? "missing" : "";
    }
  }

  private static String developer(String id, OriginRegistry origins) {
    int slash = id.indexOf('/');
    if (slash < 0) return "unknown";
    Origin o = origins.of(id.substring(0, slash));
    return o.isKnown() ? o.organization() + " (" + o.country() + ")" : "unknown";
  }
}
