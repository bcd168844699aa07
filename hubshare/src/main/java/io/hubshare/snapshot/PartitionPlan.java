package io.hubshare.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.domain.Model;
import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a partitioned crawl and where it stands, rebuilt from its journal and advanced one page (or one
 * decision) at a time. Pure bookkeeping: no I/O. Every step it takes is a journal line, so replaying the lines gives
 * back exactly this state.
 *
 * <p>A part is listed in its sort orders one after another: first the crawl's own order; if that listing ends before
 * the part's total (the hub capped it), then in every other order the hub offers, which reach other models of the
 * part. Then the part is cut by the first key, in {@link PartKey} order, that it does not fix yet and for which its
 * models showed at least two values; a part no key cuts stays capped.
 */
final class PartitionPlan {
  /** Other orders a capped part is listed in, to reach past its first results. */
  static final List<ModelSort> EXTRA_SORTS = List.of(ModelSort.DOWNLOADS, ModelSort.LIKES, ModelSort.LAST_MODIFIED);

  /** One part: a query, and once decided its outcome. */
  static final class Part {
    final int index;
    final int parent;
    final ModelQuery query;
    final @Nullable PartKey by;
    CrawlCoverage.@Nullable Status status;
    @Nullable Long total;
    long reached;
    final List<Integer> children = new ArrayList<>();

    Part(int index, int parent, ModelQuery query, @Nullable PartKey by) {
      this.index = index;
      this.parent = parent;
      this.query = query;
      this.by = by;
    }
  }

  /** What to fetch next: a listing of the current part in sort order {@code sort}, from {@code cursor}. */
  record Listing(Part part, int sort, @Nullable ModelSort order, @Nullable String cursor) {}

  private final ModelQuery root;
  private final List<@Nullable ModelSort> sorts = new ArrayList<>();
  final List<Part> parts = new ArrayList<>();

  // The current part's progress.
  private int current;
  private int sortAt = -1;
  private @Nullable String next;
  private boolean listingOpen;
  private long servedInFirst;
  private @Nullable Long firstTotal;
  private IdHashSet reachedIds = new IdHashSet(true);
  private final Map<PartKey, Set<String>> values = new EnumMap<>(PartKey.class);

  /** @param root the whole listing: its sort is the first order, its page size every page's */
  PartitionPlan(ModelQuery root) {
    this.root = root.toBuilder().cursor(null).build();
    sorts.add(root.sort());
    for (ModelSort s : EXTRA_SORTS) {
      if (s != root.sort()) sorts.add(s);
    }
  }

  /** The journal line that adds the whole listing, for a fresh crawl. */
  List<String> begin() {
    Part whole = new Part(0, -1, base(root), null);
    parts.add(whole);
    return List.of(SnapshotJson.write(partLine(whole)));
  }

  /** Replays one journal line. */
  void replay(String line, Path journal, long lineNumber) throws SnapshotFormatException {
    JsonNode o;
    try {
      o = SnapshotJson.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException(journal, lineNumber, "not a journal line: " + SnapshotJson.describe(e));
    }
    switch (o.path("t").asText()) {
      case "part": {
        int parent = o.path("parent").asInt(-1);
        PartKey by = PartKey.of(o.path("by").asText(""));
        if (parent < 0) {
          parts.add(new Part(0, -1, base(root), null));
        } else if (by == null || parent >= parts.size()) {
          throw new SnapshotFormatException(journal, lineNumber, "a part without a valid parent and key");
        } else {
          addChild(parts.get(parent), by, o.path("value").asText());
        }
        break;
      }
      case "page": {
        List<String> ids = new ArrayList<>();
        o.path("ids").forEach(n -> ids.add(n.asText()));
        Map<PartKey, List<String>> v = new EnumMap<>(PartKey.class);
        o.path("values").properties().forEach(e -> {
          PartKey k = PartKey.of(e.getKey());
          if (k != null) {
            List<String> list = new ArrayList<>();
            e.getValue().forEach(n -> list.add(n.asText()));
            v.put(k, list);
          }
        });
        JsonNode total = o.get("total");
        applyPage(o.path("sort").asInt(), total == null || total.isNull() ? null : total.asLong(), ids, v,
            o.path("next").isNull() || o.path("next").isMissingNode() ? null : o.path("next").asText());
        break;
      }
      case "refused":
        applyRefused(o.path("sort").asInt());
        break;
      case "done":
        applyDone();
        break;
      default:
        throw new SnapshotFormatException(journal, lineNumber, "unknown journal line type '" + o.path("t").asText()
            + "'");
    }
  }

  /** The part being listed, or {@code null} when every part is decided. */
  @Nullable Part currentPart() {
    return current < parts.size() ? parts.get(current) : null;
  }

  /**
   * The listing to fetch next for the current part, or {@code null} when the part is ready for {@link #decide()}.
   */
  @Nullable Listing nextListing() {
    Part p = currentPart();
    if (p == null) return null;
    if (sortAt < 0) return new Listing(p, 0, sorts.get(0), null);
    if (listingOpen) return new Listing(p, sortAt, sorts.get(sortAt), next);
    boolean capped = firstTotal != null && servedInFirst < firstTotal;
    if (!capped || sortAt + 1 >= sorts.size()) return null;
    return new Listing(p, sortAt + 1, sorts.get(sortAt + 1), null);
  }

  /** The journal line for one page of the current listing; applies it. */
  String page(Listing l, List<Model> models, @Nullable Long total, @Nullable String nextCursor) {
    List<String> ids = new ArrayList<>(models.size());
    Map<PartKey, List<String>> v = new EnumMap<>(PartKey.class);
    for (Model m : models) {
      ids.add(m.id());
      for (PartKey k : PartKey.values()) {
        if (k.of(l.part().query) != null) continue;
        String value = k.of(m);
        if (value == null) continue;
        List<String> list = v.computeIfAbsent(k, x -> new ArrayList<>());
        if (!list.contains(value)) list.add(value);
      }
    }
    applyPage(l.sort(), total, ids, v, nextCursor);
    ObjectNode o = SnapshotJson.MAPPER.createObjectNode();
    o.put("t", "page");
    o.put("i", l.part().index);
    o.put("sort", l.sort());
    if (total == null) o.putNull("total");
    else o.put("total", total);
    if (nextCursor == null) o.putNull("next");
    else o.put("next", nextCursor);
    ArrayNode idArray = o.putArray("ids");
    ids.forEach(idArray::add);
    ObjectNode vs = o.putObject("values");
    v.forEach((k, list) -> {
      ArrayNode a = vs.putArray(k.label());
      list.forEach(a::add);
    });
    return SnapshotJson.write(o);
  }

  /** The journal line for a sort order the hub refuses; applies it. */
  String refused(Listing l, String reason) {
    applyRefused(l.sort());
    ObjectNode o = SnapshotJson.MAPPER.createObjectNode();
    o.put("t", "refused");
    o.put("i", l.part().index);
    o.put("sort", l.sort());
    o.put("reason", reason);
    return SnapshotJson.write(o);
  }

  /** The journal lines that decide the current part (and add its children); applies them. */
  List<String> decide() {
    Part p = currentPart();
    if (p == null) throw new IllegalStateException("no part to decide");
    List<String> lines = new ArrayList<>();
    ObjectNode done = SnapshotJson.MAPPER.createObjectNode();
    done.put("t", "done");
    done.put("i", p.index);
    lines.add(SnapshotJson.write(done));
    PartKey by = splitKey(p);
    Set<String> cutBy = by == null ? Set.of() : new TreeSet<>(values.get(by));
    applyDone();
    for (String value : cutBy) {
      Part child = addChild(p, by, value);
      if (child == null) continue; // a value the query cannot name: its models count in the part's gap
      ObjectNode o = partLine(child);
      o.put("value", value);
      lines.add(SnapshotJson.write(o));
    }
    return lines;
  }

  /** Adds the part of {@code parent} whose {@code by} is {@code value}, or returns {@code null} if none can be asked. */
  private @Nullable Part addChild(Part parent, PartKey by, String value) {
    ModelQuery q;
    try {
      q = by.narrow(parent.query.toBuilder(), value).build();
    } catch (IllegalArgumentException cannotAsk) {
      return null;
    }
    Part child = new Part(parts.size(), parent.index, q, by);
    parts.add(child);
    parent.children.add(child.index);
    return child;
  }

  /** The key to cut a capped part by, or {@code null} when it is complete or no key cuts it. */
  private @Nullable PartKey splitKey(Part p) {
    boolean capped = firstTotal != null && servedInFirst < firstTotal;
    if (!capped) return null;
    for (PartKey k : PartKey.values()) {
      if (k.of(p.query) != null) continue;
      Set<String> seen = values.get(k);
      if (seen != null && seen.size() >= 2) return k;
    }
    return null;
  }

  private void applyPage(int sort, @Nullable Long total, List<String> ids, Map<PartKey, List<String>> v,
      @Nullable String nextCursor) {
    if (sort != sortAt) {
      sortAt = sort;
    }
    if (sort == 0) {
      servedInFirst += ids.size();
      if (firstTotal == null) firstTotal = total;
    }
    for (String id : ids) reachedIds.add(id);
    v.forEach((k, list) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(list));
    next = nextCursor;
    listingOpen = nextCursor != null;
  }

  private void applyRefused(int sort) {
    sortAt = sort;
    next = null;
    listingOpen = false;
  }

  private void applyDone() {
    Part p = parts.get(current);
    boolean capped = firstTotal != null && servedInFirst < firstTotal;
    PartKey by = splitKey(p);
    p.total = firstTotal;
    p.reached = reachedIds.size();
    p.status = !capped ? CrawlCoverage.Status.COMPLETE : by != null ? CrawlCoverage.Status.SPLIT
        : CrawlCoverage.Status.CAPPED;
    current++;
    sortAt = -1;
    next = null;
    listingOpen = false;
    servedInFirst = 0;
    firstTotal = null;
    reachedIds = new IdHashSet(true);
    values.clear();
  }

  /** Every part's outcome, for the coverage report. */
  CrawlCoverage coverage(long collected) {
    List<CrawlCoverage.Part> out = new ArrayList<>();
    for (Part p : parts) {
      String splitBy = null;
      long unsplit = 0;
      if (p.status == CrawlCoverage.Status.SPLIT && !p.children.isEmpty()) {
        splitBy = parts.get(p.children.get(0)).by.label();
        long sum = 0;
        boolean known = p.total != null;
        for (int c : p.children) {
          Long t = parts.get(c).total;
          if (t == null) known = false;
          else sum += t;
        }
        if (known && p.total > sum) unsplit = p.total - sum;
      }
      out.add(new CrawlCoverage.Part(describe(p.query), p.total, p.reached,
          p.status == null ? CrawlCoverage.Status.CAPPED : p.status, splitBy, p.children.size(), unsplit));
    }
    return new CrawlCoverage(parts.isEmpty() ? null : parts.get(0).total, collected, out);
  }

  /** The part's own constraints, as hubshare names them: {@code author=Qwen&pipelineTag=text-generation}. */
  static String describe(ModelQuery q) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : q.describe()) {
      if (e.getKey().equals("pageSize") || e.getKey().equals("sort") || e.getKey().equals("expand")) continue;
      if (b.length() > 0) b.append('&');
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  /** The query of a listing: the part's, in the listing's order, from its cursor. */
  ModelQuery query(Listing l) {
    ModelQuery.Builder b = l.part().query.toBuilder().cursor(l.cursor());
    if (l.order() != null) b.sort(l.order());
    return b.build();
  }

  /** A part's query: the root's fields without sort, limit or cursor. */
  private static ModelQuery base(ModelQuery root) {
    ModelQuery.Builder b = ModelQuery.builder();
    if (root.search() != null) b.search(root.search());
    if (root.author() != null) b.author(root.author());
    root.filters().forEach(b::filter);
    if (root.pipelineTag() != null) b.pipelineTag(root.pipelineTag());
    if (root.library() != null) b.library(root.library());
    if (root.license() != null) b.license(root.license());
    if (root.pageSize() != null) b.pageSize(root.pageSize());
    root.expand().forEach(b::expand);
    for (Map.Entry<String, String> e : root.extraParameters()) b.parameter(e.getKey(), e.getValue());
    return b.build();
  }

  private static ObjectNode partLine(Part p) {
    ObjectNode o = SnapshotJson.MAPPER.createObjectNode();
    o.put("t", "part");
    o.put("i", p.index);
    o.put("parent", p.parent);
    if (p.by != null) o.put("by", p.by.label());
    o.put("query", describe(p.query));
    return o;
  }
}
