package io.hubshare.sql;

import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.lineage.Attribution;
import io.hubshare.lineage.LineageIndex;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import io.hubshare.sql.internal.DuckDb;
import io.hubshare.sql.internal.ModelsSql;
import io.hubshare.sql.internal.OriginsTable;
import io.hubshare.sql.internal.WireColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes snapshots as Parquet, laid out so that DuckDB, Spark or Trino read many snapshots at once:
 * <pre>
 * DIR/hub=huggingface/date=2026-08-01/models.parquet            one file per snapshot
 * DIR/_lineage/hub=huggingface/date=2026-08-01/lineage.parquet  each model's parent and root
 * DIR/_origins/origins.parquet                                  the origin registry used, with study groups
 * </pre>
 * {@code DIR} itself is the models table: Hive-style readers (Spark, Hive, Trino) skip names starting with
 * {@code _}, as they skip {@code _SUCCESS}; the lineage and origins are tables of their own.
 *
 * <pre>{@code
 * ParquetExport.Written w = ParquetExport.to(Path.of("hub-parquet")).write(Path.of("hub-2026-08-01.jsonl.gz"));
 * // duckdb: SELECT count(*) FROM read_parquet('hub-parquet/*\/*\/models.parquet', hive_partitioning = true)
 * }</pre>
 *
 * <p>{@code models.parquet} has the list API's field names with the same types in every file:
 * {@code id, author} (text), {@code createdAt, lastModified} (timestamp with time zone), {@code downloads,
 * downloadsAllTime, likes} (64-bit integers), {@code trendingScore} (double), {@code tags} (list of text),
 * {@code pipeline_tag, library_name, gated} (text: {@code false}, {@code auto}, {@code manual}), {@code private,
 * disabled} (boolean), {@code sha}, {@code cardData, safetensors, gguf} (JSON text, as the Hub's own files keep
 * {@code cardData}) and {@code baseModels} (a struct {@code {relation, models: [{id}]}}). A value the snapshot does
 * not hold is {@code NULL}, never 0. The key-value metadata {@code hubshare.snapshot} holds the snapshot's header, so
 * {@link Snapshots#open} reads the file back with its time. Rows are written by DuckDB straight from the source
 * file, in its order, one per model. Immutable and thread-safe; each {@link #write} is independent.
 */
public final class ParquetExport {
  private final Path directory;
  private final boolean overwrite;
  private final OriginRegistry origins;

  private ParquetExport(Path directory, boolean overwrite, OriginRegistry origins) {
    this.directory = directory;
    this.overwrite = overwrite;
    this.origins = origins;
  }

  /** An export into {@code directory} (created if needed), refusing to replace files, with the bundled registry. */
  public static ParquetExport to(Path directory) {
    return new ParquetExport(Objects.requireNonNull(directory, "directory"), false, OriginRegistry.bundled());
  }

  /** The same export, replacing a snapshot's files when they exist. */
  public ParquetExport overwrite(boolean replace) {
    return new ParquetExport(directory, replace, origins);
  }

  /** The same export, writing {@code registry} as the origins table. */
  public ParquetExport origins(OriginRegistry registry) {
    return new ParquetExport(directory, overwrite, Objects.requireNonNull(registry, "registry"));
  }

  /**
   * What one snapshot's export wrote.
   *
   * <p>Made by hubshare; the canonical constructor is not part of the compatible API, as it gains a parameter
   * whenever a figure is added.
   *
   * @param hub the hub of the snapshot
   * @param date the snapshot's date, the {@code date=} part of the paths
   * @param models the models written
   * @param modelsFile the models' Parquet file
   * @param lineageFile the lineage table's file
   * @param originsFile the origins table's file
   */
  public record Written(String hub, LocalDate date, long models, Path modelsFile, Path lineageFile,
      Path originsFile) {}

  /**
   * Exports the snapshot file {@code snapshot} (any format {@link Snapshots#open} reads; a file without a stated
   * time needs {@link #write(Snapshot)} with a snapshot opened with one).
   *
   * @throws IllegalStateException if the snapshot's time is unknown, or its files exist and overwrite is off
   * @throws IOException if reading or writing fails
   */
  public Written write(Path snapshot) throws IOException {
    try (Snapshot s = Snapshots.open(snapshot)) {
      return write(s);
    }
  }

  /**
   * Exports an open snapshot: its models, its lineage, and the registry. The files appear whole or not at all
   * (each written under a hidden name, then renamed).
   *
   * @throws IllegalStateException if the snapshot's time is unknown, or its files exist and overwrite is off
   * @throws IOException if reading or writing fails, or fewer rows were written than the snapshot holds
   */
  public Written write(Snapshot snapshot) throws IOException {
    Instant time = snapshot.header().requireStartedAt("a Parquet export (its date=… folder)");
    String hub = snapshot.header().hub();
    LocalDate date = LocalDate.ofInstant(time, ZoneOffset.UTC);
    String partition = "hub=" + hub + "/date=" + date;
    Path models = directory.resolve(partition).resolve("models.parquet");
    Path lineage = directory.resolve("_lineage").resolve(partition).resolve("lineage.parquet");
    Path originsFile = directory.resolve("_origins").resolve("origins.parquet");
    if (!overwrite && (Files.exists(models) || Files.exists(lineage))) {
      throw new IllegalStateException(models + " exists: a snapshot of " + hub + " on " + date + " was exported "
          + "already; pass overwrite to replace it");
    }
    Files.createDirectories(models.getParent());
    Files.createDirectories(lineage.getParent());
    Files.createDirectories(originsFile.getParent());
    long rows;
    try (Connection c = DuckDb.open(DuckDb.threads(2), directory.resolve("_tmp"))) {
      rows = writeModels(c, snapshot, models);
      writeLineage(c, snapshot, lineage);
      writeOrigins(c, originsFile);
    } catch (SQLException e) {
      throw DuckDb.failure("exporting " + snapshot.file() + " to " + directory, e);
    } finally {
      deleteTree(directory.resolve("_tmp"));
    }
    return new Written(hub, date, rows, models, lineage, originsFile);
  }

  private static long writeModels(Connection c, Snapshot snapshot, Path out) throws IOException, SQLException {
    Path temp = hidden(out);
    String metadata = snapshot.header().withCount(snapshot.header().count()).toJson();
    try (Statement st = c.createStatement()) {
      st.execute("COPY (" + ModelsSql.select(c, snapshot) + ") TO " + DuckDb.file(temp)
          + " (FORMAT parquet, COMPRESSION zstd, KV_METADATA {'hubshare.snapshot': " + WireColumns.literal(metadata)
          + "})");
      long rows;
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + DuckDb.file(temp) + ")")) {
        rs.next();
        rows = rs.getLong(1);
      }
      if (rows != snapshot.header().count()) {
        throw new IOException(snapshot.file() + " holds " + snapshot.header().count() + " models but " + rows
            + " rows were written: a model line without an id, or the file changed while it was exported");
      }
      Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return rows;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Each model's parent and root, by the rule the shares use ({@link LineageIndex#creditedId}). */
  private static void writeLineage(Connection c, Snapshot snapshot, Path out) throws IOException, SQLException {
    List<String> fields = List.of("id", "author", "tags", "baseModels", "cardData", "library_name");
    LineageIndex.Builder links = LineageIndex.builder();
    try (Stream<Model> models = snapshot.stream(fields)) {
      models.forEach(links::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    LineageIndex index = links.build();
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE lineage_rows (id VARCHAR, parent VARCHAR, root VARCHAR, "
          + "relation VARCHAR)");
    }
    try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("temp", "main", "lineage_rows");
        Stream<Model> models = snapshot.stream(fields)) {
      for (Iterator<Model> it = models.iterator(); it.hasNext(); ) {
        Model m = it.next();
        a.beginRow();
        a.append(m.id());
        if (m.isDerivative()) {
          a.append(index.creditedId(m, Attribution.PARENT));
        } else {
          a.appendNull();
        }
        a.append(index.creditedId(m, Attribution.ROOT));
        a.append(m.relation().label());
        a.endRow();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    copy(c, "SELECT * FROM lineage_rows", out);
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE lineage_rows");
    }
  }

  private void writeOrigins(Connection c, Path out) throws IOException, SQLException {
    OriginsTable.create(c, "origin_rows", true, origins);
    copy(c, "SELECT * FROM origin_rows", out);
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE origin_rows");
    }
  }

  private static void copy(Connection c, String select, Path out) throws IOException, SQLException {
    Path temp = hidden(out);
    try (Statement st = c.createStatement()) {
      st.execute("COPY (" + select + ") TO " + DuckDb.file(temp) + " (FORMAT parquet, COMPRESSION zstd)");
      Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A name beside {@code file} that readers of the layout skip while it is written. */
  private static Path hidden(Path file) {
    return file.resolveSibling("." + file.getFileName() + ".tmp");
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  @Override
  public String toString() {
    return "ParquetExport[" + directory + (overwrite ? ", overwrite" : "") + "]";
  }
}
