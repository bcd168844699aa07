package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Relation;
import io.hubshare.internal.protocol.RepoIdHash;
import java.util.List;
import java.util.Objects;

/**
 * The arrays behind a {@link LineageIndex}: model hashes in ascending order, each model's links, and the pool of
 * base ids. A model is addressed by its position (a "node"), a base id by its pool reference. Immutable once built.
 *
 * <p>A link is one int: the base's pool reference, a bit marking the {@link PrimaryParent primary} link, and the
 * relation's ordinal. Nearly every derivative has one base, so a node's entry is that link itself; a node with
 * several bases has instead a negative entry, {@code ~p}, pointing to position {@code p} of a side sequence that
 * holds the number of links and then the links, in the model's order.
 */
final class LinkTable {
  static final int PRIMARY_BIT = 1 << 3;
  static final int RELATION_MASK = 0x7;
  static final int REF_SHIFT = 4;
  /** Pool references must fit in the bits left above {@link #REF_SHIFT} of a non-negative int. */
  static final int MAX_PARENTS = 1 << (31 - REF_SHIFT);
  private static final Relation[] RELATIONS = Relation.values();

  /** Hashes of the models with links, ascending. */
  private final LongChunks keys;
  /** Per node: its one link, or {@code ~p} for a list of links at {@code more[p]}. */
  private final IntChunks entries;
  /** Lists of links: a count, then the links. */
  private final IntChunks more;
  private final ParentPool parents;
  /** The node of each pool reference, or -1 when that base has no links here. */
  private final IntChunks parentNode;
  private final int linkCount;

  LinkTable(LongChunks keys, IntChunks entries, IntChunks more, ParentPool parents, IntChunks parentNode,
      int linkCount) {
    this.keys = keys;
    this.entries = entries;
    this.more = more;
    this.parents = parents;
    this.parentNode = parentNode;
    this.linkCount = linkCount;
  }

  static int encode(int ref, boolean primary, Relation relation) {
    return ref << REF_SHIFT | (primary ? PRIMARY_BIT : 0) | relation.ordinal();
  }

  /** The number of links behind an entry. */
  static int linkCount(int entry, IntChunks more) {
    return entry >= 0 ? 1 : more.get(~entry);
  }

  /** The node of {@code id}, or -1 when the table holds no links for it. */
  int node(String id) {
    int i = keys.binarySearch(RepoIdHash.of(Objects.requireNonNull(id, "id")));
    return i < 0 ? -1 : i;
  }

  /** The node's links as base models, in the model's order. */
  List<BaseModel> bases(int node) {
    int entry = entries.get(node);
    if (entry >= 0) return List.of(base(entry));
    int at = ~entry;
    BaseModel[] out = new BaseModel[more.get(at)];
    for (int l = 0; l < out.length; l++) out[l] = base(more.get(at + 1 + l));
    return List.of(out);
  }

  /** The node's primary link as a base model. */
  BaseModel primaryBase(int node) {
    return base(primaryLink(node));
  }

  /** The pool reference of the node's primary base. */
  int primaryRef(int node) {
    return primaryLink(node) >>> REF_SHIFT;
  }

  /** The node holding the links of the base at {@code ref}, or -1. */
  int nodeOfRef(int ref) {
    return parentNode.get(ref);
  }

  String id(int ref) {
    return parents.id(ref);
  }

  boolean idEqualsIgnoreCase(int ref, String id) {
    return parents.idEqualsIgnoreCase(ref, id);
  }

  int models() {
    return keys.size();
  }

  int links() {
    return linkCount;
  }

  int distinctParents() {
    return parents.size();
  }

  long footprintBytes() {
    return keys.footprintBytes() + entries.footprintBytes() + more.footprintBytes() + parentNode.footprintBytes()
        + parents.footprintBytes();
  }

  private BaseModel base(int link) {
    return new BaseModel(parents.id(link >>> REF_SHIFT), RELATIONS[link & RELATION_MASK]);
  }

  private int primaryLink(int node) {
    int entry = entries.get(node);
    if (entry >= 0) return entry;
    int at = ~entry;
    for (int l = at + 1; l <= at + more.get(at); l++) {
      if ((more.get(l) & PRIMARY_BIT) != 0) return more.get(l);
    }
    throw new IllegalStateException("model at " + node + " has no primary link");
  }
}
