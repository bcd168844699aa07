package io.hubshare.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The text, CSV and JSON of a {@link StudyShares.Result}: both attributions side by side. */
final class StudyReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StudyReport() {}

  /** The groups in order: by their share under the uploader attribution, then those only the base one has. */
  private static List<String> keys(StudyShares.Result r) {
    Set<String> keys = new LinkedHashSet<>();
    for (ShareRow row : r.uploader().rows()) keys.add(row.key());
    for (ShareRow row : r.base().rows()) keys.add(row.key());
    return new ArrayList<>(keys);
  }

  static String text(StudyShares.Result r) {
    StringBuilder b = new StringBuilder();
    for (String w : r.warnings()) b.append("!! ").append(w).append('\n');
    b.append("The study's measure: ").append(r.uploader().metric().label()).append(" of models created in [")
        .append(r.from()).append(", ").append(r.to()).append(")\n");
    b.append(r.method()).append('\n');
    String head = String.format(Locale.ROOT, "%-26s %18s %7s   %18s %7s%n", "group", "by uploader", "share",
        "by base developer", "share");
    b.append(head);
    for (String k : keys(r)) {
      ShareRow u = r.uploader().row(k);
      ShareRow p = r.base().row(k);
      b.append(String.format(Locale.ROOT, "%-26s %,18d %6.1f%%   %,18d %6.1f%%%n", k, u == null ? 0 : u.value(),
          100 * r.uploader().share(k), p == null ? 0 : p.value(), 100 * r.base().share(k)));
    }
    ShareRow uu = r.uploader().unknown();
    ShareRow pu = r.base().unknown();
    b.append(String.format(Locale.ROOT, "%-26s %,18d %6.1f%%   %,18d %6.1f%%%n", "unknown (not in the registry)",
        uu.value(), uu.percent(), pu.value(), pu.percent()));
    b.append(String.format(Locale.ROOT, "%-26s %,18d %7s   %,18d%n", "total", r.uploader().total(), "",
        r.base().total()));
    ShareTable.Counts c = r.uploader().counts();
    b.append(String.format(Locale.ROOT, "models: %,d read, %,d created in the window, %,d of them without a value "
        + "(left out)%n", c.seen(), c.matched(), c.missing()));
    return b.toString();
  }

  static String csv(StudyShares.Result r) {
    StringBuilder b = new StringBuilder("group,uploader,uploaderShare,base,baseShare\n");
    for (String k : keys(r)) {
      ShareRow u = r.uploader().row(k);
      ShareRow p = r.base().row(k);
      b.append(quote(k)).append(',').append(u == null ? 0 : u.value()).append(',')
          .append(r.uploader().share(k)).append(',').append(p == null ? 0 : p.value()).append(',')
          .append(r.base().share(k)).append('\n');
    }
    b.append(ShareTable.UNKNOWN_KEY).append(',').append(r.uploader().unknown().value()).append(',')
        .append(r.uploader().unknown().share()).append(',').append(r.base().unknown().value()).append(',')
        .append(r.base().unknown().share()).append('\n');
    return b.toString();
  }

  static String json(StudyShares.Result r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("from", r.from().toString());
    o.put("to", r.to().toString());
    o.put("method", r.method());
    o.put("metric", r.uploader().metric().key());
    ArrayNode warnings = o.putArray("warnings");
    for (String w : r.warnings()) warnings.add(w);
    ArrayNode groups = o.putArray("groups");
    for (String k : keys(r)) {
      ObjectNode g = groups.addObject();
      g.put("group", k);
      cell(g.putObject("uploader"), r.uploader().row(k), r.uploader().share(k));
      cell(g.putObject("base"), r.base().row(k), r.base().share(k));
    }
    ObjectNode unknown = o.putObject("unknown");
    cell(unknown.putObject("uploader"), r.uploader().unknown(), r.uploader().unknown().share());
    cell(unknown.putObject("base"), r.base().unknown(), r.base().unknown().share());
    o.put("total", r.uploader().total());
    ShareTable.Counts c = r.uploader().counts();
    ObjectNode counts = o.putObject("models");
    counts.put("seen", c.seen());
    counts.put("matched", c.matched());
    counts.put("missing", c.missing());
    try {
      return MAPPER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void cell(ObjectNode o, @Nullable ShareRow row, double share) {
    o.put("value", row == null ? 0 : row.value());
    o.put("share", share);
    o.put("models", row == null ? 0 : row.models());
  }

  private static String quote(String s) {
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
