package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import java.util.LinkedHashSet;
import java.util.Set;
import io.hubshare.domain.Model;
import io.hubshare.origin.Origin;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The group key of a model in one dimension; {@code null} means the unknown row. Credited dimensions key by the
 * credited model and its account, the others by the model's own fields.
 */
final class Grouping {
  private final Dimension dimension;
  private final OriginLookup origins;
  /** The hubs of the models seen so far, or announced ahead: where a base named by id may be looked up. */
  private final Set<Hub> population = new LinkedHashSet<>();
  private final StudyGroups studyGroups;

  Grouping(Dimension dimension, OriginLookup origins, StudyGroups studyGroups) {
    this.dimension = dimension;
    this.origins = origins;
    this.studyGroups = studyGroups;
  }

  /** The key of a dimension that describes the model itself ({@code !dimension.isCredited()}). */
  @Nullable String ownKey(Model m) {
    switch (dimension) {
      case RELATION: return m.relation().label();
      case HUB: return m.hub().name();
      case PIPELINE_TAG: return m.pipelineTag();
      case LIBRARY: return m.libraryName();
      case LICENSE: return m.license();
      case SIZE: {
        SizeBucket b = SizeBucket.of(m.parameters());
        return b == null ? null : b.key();
      }
      default: throw new IllegalStateException(dimension + " is credited: use creditedKey");
    }
  }

  /** The key of {@link Dimension#PIPELINE_TAG} or {@link Dimension#LIBRARY}: the field itself. */
  @Nullable String ownKey(@Nullable String field) {
    if (dimension != Dimension.PIPELINE_TAG && dimension != Dimension.LIBRARY) {
      throw new IllegalStateException(dimension + " is not a field of the model");
    }
    return field;
  }

  /**
   * The key of a credited dimension.
   *
   * @param creditedId the model credited (the model itself, its parent or its root)
   * @param account the account credited, or {@code null} when the id names none (a bare legacy id)
   * @param hub the hub of the model being counted, or {@code null} when the key serves many (a resolved root)
   * @param self whether the credited model is the counted model itself
   */
  @Nullable String creditedKey(String creditedId, @Nullable String account, @Nullable Hub hub, boolean self) {
    if (dimension == Dimension.FAMILY) return creditedId;
    if (account == null) return null;
    if (dimension == Dimension.ACCOUNT) return account;
    Origin o = origins.find(hub, account, self, population);
    if (o == null || !o.isKnown()) return null;
    switch (dimension) {
      case COUNTRY: {
        String country = o.country();
        return country == null ? Labels.INTERNATIONAL : country.toUpperCase(Locale.ROOT);
      }
      case REGION: return o.region();
      case ORGANIZATION: return o.organization() == null ? o.account() : o.organization();
      case KIND: return o.kind().label();
      case STUDY_GROUP: return studyGroups.groupOf(o);
      default: throw new IllegalStateException(dimension + " is not credited: use ownKey");
    }
  }

  /** Adds a hub to the population a base may be looked up in; {@code true} if it was not in it. */
  boolean include(Hub hub) {
    return population.add(hub);
  }

  /** The account that owns a repository id: the part before the slash, {@code null} for a bare legacy id. */
  static @Nullable String ownerOf(String id) {
    int slash = id.indexOf('/');
    return slash <= 0 ? null : id.substring(0, slash);
  }

  /** The account of the model itself: its author, else the owner part of its id. */
  static @Nullable String accountOf(Model m) {
    return m.author() != null ? m.author() : m.owner();
  }
}
