package io.hubshare.internal.protocol;

import io.hubshare.domain.BaseModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A few fields of each model of a snapshot, read without building a {@link io.hubshare.domain.Model}: what a share
 * computation needs and nothing more. Each field holds exactly what the hub's full model reader would put in the
 * model (the same trimming, the same fallbacks, the same base-model resolution), so a computation over these fields
 * gives the same totals as one over models. Mutable and reused from one model to the next.
 */
public final class StoredFields {
  private @Nullable String id = "";
  private byte[] idBytes = new byte[0];
  private int idOffset;
  private int idLength;
  /**
   * {@link RepoIdHash#quick} of the id: the key that counts each repository once, ignoring case, as
   * {@link RepoIdHash#of} would.
   */
  public long idHash;
  /** The model's account: its author, else the owner part of its id ({@code null} for a bare legacy id). */
  public @Nullable String account;
  /**
   * A number the reader gives each account it has met, from 0, the same for every model of the same account as
   * spelt; -1 when it gave none. Lets a computation remember what it found for an account without hashing it again.
   */
  public int accountRef = -1;
  /** {@code DownloadMetrics.last30Days()}, when requested. */
  public @Nullable Long downloads;
  /** {@code DownloadMetrics.allTime()}, when requested. */
  public @Nullable Long downloadsAllTime;
  /** {@code DownloadMetrics.likes()}, when requested. */
  public @Nullable Long likes;
  /** {@code Model.createdAt()}, when requested. */
  public @Nullable Instant createdAt;
  /** {@code Model.baseModels()}, when requested; empty for an original. */
  public List<BaseModel> bases = List.of();
  /** {@code Model.pipelineTag()}, when requested. */
  public @Nullable String pipelineTag;
  /** {@code Model.libraryName()}, when requested. */
  public @Nullable String libraryName;

  /** The model's id, as {@code Model.id()}. */
  public String id() {
    String s = id;
    if (s == null) id = s = new String(idBytes, idOffset, idLength, StandardCharsets.ISO_8859_1);
    return s;
  }

  /** Sets the id. */
  public void id(String value) {
    id = value;
  }

  /**
   * Sets the id to the ASCII characters {@code bytes[offset, offset + length)}, made into a string only if
   * {@link #id()} is called before the reader moves on: most computations never look at it.
   */
  public void asciiId(byte[] bytes, int offset, int length) {
    id = null;
    idBytes = bytes;
    idOffset = offset;
    idLength = length;
  }

  /** What to read. */
  public static final class Request {
    public final boolean downloads;
    public final boolean downloadsAllTime;
    public final boolean likes;
    public final boolean createdAt;
    public final boolean bases;
    public final boolean pipelineTag;
    public final boolean libraryName;

    public Request(boolean downloads, boolean downloadsAllTime, boolean likes, boolean createdAt, boolean bases,
        boolean pipelineTag, boolean libraryName) {
      this.downloads = downloads;
      this.downloadsAllTime = downloadsAllTime;
      this.likes = likes;
      this.createdAt = createdAt;
      this.bases = bases;
      this.pipelineTag = pipelineTag;
      this.libraryName = libraryName;
    }

    /** What this and {@code other} read, together. */
    public Request and(Request other) {
      return new Request(downloads || other.downloads, downloadsAllTime || other.downloadsAllTime,
          likes || other.likes, createdAt || other.createdAt, bases || other.bases, pipelineTag || other.pipelineTag,
          libraryName || other.libraryName);
    }
  }

  /**
   * Reads the models of a snapshot's inflated bytes (a header line, then one model object per line) one at a time.
   * It fails, rather than guess, wherever the full reader would fail or the file's shape is not one object per line;
   * a caller can then read the file the full way for the exact diagnosis.
   */
  public interface Reader extends AutoCloseable {
    /**
     * Reads the next model's fields into {@code into}.
     *
     * @return {@code false} after the last model
     * @throws IOException if the bytes are not a snapshot's lines or a model is one the full reader rejects
     */
    boolean next(StoredFields into) throws IOException;

    @Override
    void close() throws IOException;
  }
}
