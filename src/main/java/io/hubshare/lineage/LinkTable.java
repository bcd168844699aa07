package io.hubshare.lineage;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Relation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The arrays behind a {@link LineageIndex}: model hashes in ascending order, each model's links, and the pool of
 * base ids. A model is addressed by its position (a "node"), a base id by its pool reference. Immutable.
 *
 * <p>A link is one int: the base's pool reference, a bit marking the {@link PrimaryParent primary} link, and the
 * relation's ordinal.
 */
final class LinkTable {
  static final int PRIMARY_BIT = 1 << 3;
  static final int RELATION_MASK = 0x7;
  static final int REF_SHIFT = 4;
  /** Pool references must fit in the bits left above {@link #REF_SHIFT}. */
  static final int MAX_PARENTS = 1 << (31 - REF_SHIFT);
  private static final Relation[] RELATIONS = Relation.values();

  /** Hashes of the models with links, ascending. */
  private final long[] keys;
  /** Model i's links are {@code links[starts[i], starts[i + 1])}, in the model's order. */
  private final int[] starts;
  private final int[] links;
  private final ParentPool parents;
  /** The node of each pool reference, or -1 when that base has no links here. */
  private final int[] parentNode;

  LinkTable(long[] keys, int[] starts, int[] links, ParentPool parents, int[] parentNode) {
    this.keys = keys;
    this.starts = starts;
    this.links = links;
    this.parents = parents;
    this.parentNode = parentNode;
  }

  static int encode(int ref, boolean primary, Relation relation) {
    return ref << REF_SHIFT | (primary ? PRIMARY_BIT : 0) | relation.ordinal();
  }

  /** The node of {@code id}, or -1 when the table holds no links for it. */
  int node(String id) {
    int i = Arrays.binarySearch(keys, IdHash.of(Objects.requireNonNull(id, "id")));
    return i < 0 ? -1 : i;
  }

  /** The node's links as base models, in the model's order. */
  List<BaseModel> bases(int node) {
    BaseModel[] out = new BaseModel[starts[node + 1] - starts[node]];
    for (int l = starts[node]; l < starts[node + 1]; l++) out[l - starts[node]] = base(links[l]);
    return List.of(out);
  }

  /** The node's primary link as a base model. */
  BaseModel primaryBase(int node) {
    return base(links[primaryLink(node)]);
  }

  /** The pool reference of the node's primary base. */
  int primaryRef(int node) {
    return links[primaryLink(node)] >>> REF_SHIFT;
  }

  /** The node holding the links of the base at {@code ref}, or -1. */
  int nodeOfRef(int ref) {
    return parentNode[ref];
  }

  String id(int ref) {
    return parents.id(ref);
  }

  boolean idEqualsIgnoreCase(int ref, String id) {
    return parents.idEqualsIgnoreCase(ref, id);
  }

  int models() {
    return keys.length;
  }

  int links() {
    return links.length;
  }

  int distinctParents() {
    return parents.size();
  }

  long footprintBytes() {
    return Footprint.of(keys) + Footprint.of(starts) + Footprint.of(links) + Footprint.of(parentNode)
        + parents.footprintBytes();
  }

  private BaseModel base(int link) {
    return new BaseModel(parents.id(link >>> REF_SHIFT), RELATIONS[link & RELATION_MASK]);
  }

  private int primaryLink(int node) {
    for (int l = starts[node]; l < starts[node + 1]; l++) {
      if ((links[l] & PRIMARY_BIT) != 0) return l;
    }
    throw new IllegalStateException("model at " + node + " has no primary link");
  }
}
