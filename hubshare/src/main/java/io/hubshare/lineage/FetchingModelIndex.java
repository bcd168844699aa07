package io.hubshare.lineage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hubshare.hub.ModelIds;
import io.hubshare.hub.Models;
import io.hubshare.domain.Model;
import io.hubshare.error.GatedRepositoryException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.error.UnauthorizedException;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link ModelIndex#fetching(Models)}: one info call per id, answers remembered so that the many walks of a family
 * ask for their shared ancestors once.
 */
final class FetchingModelIndex implements ModelIndex {
  static final int DEFAULT_CACHE_SIZE = 10_000;
  private static final System.Logger LOG = System.getLogger(FetchingModelIndex.class.getName());
  /** Caffeine stores no nulls: this stands for "asked, and the Hub has no such model for us". */
  private static final Object MISSING = new Object();

  private final Models models;
  private final Cache<String, Object> answers;

  FetchingModelIndex(Models models, int cacheSize) {
    this.models = Objects.requireNonNull(models, "models");
    if (cacheSize < 0) throw new IllegalArgumentException("cacheSize must be >= 0, was " + cacheSize);
    this.answers = Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  @Override
  public @Nullable Model find(String id) {
    Objects.requireNonNull(id, "id");
    // The Hub resolves ids ignoring case: one answer serves every spelling.
    Object answer = answers.get(id.toLowerCase(Locale.ROOT), key -> fetch(id));
    return answer == MISSING ? null : (Model) answer;
  }

  private Object fetch(String id) {
    if (!ModelIds.isValid(id)) {
      LOG.log(Level.DEBUG, "base {0} is not a repository id the Hub could hold: missing", id);
      return MISSING;
    }
    try {
      return models.get(id);
    } catch (RepositoryNotFoundException | GatedRepositoryException | UnauthorizedException e) {
      LOG.log(Level.DEBUG, "base {0} cannot be read ({1}): missing", id, e.getClass().getSimpleName());
      return MISSING;
    }
  }

  @Override
  public String toString() {
    return "ModelIndex.fetching[" + answers.estimatedSize() + " answers remembered]";
  }
}
