package io.hubshare.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.ShareRow;
import io.hubshare.analytics.ShareTable;
import io.hubshare.analytics.Shares;
import io.hubshare.lineage.Attribution;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL over snapshots gives what the library computes, over every format, with lineage and origins. */
class SnapshotSqlTest {
  /** The country share in SQL, as docs/sql.md writes it: account = author, else the id's owner; XX when no country. */
  static final String COUNTRY_SQL = "SELECT coalesce(CASE WHEN o.account IS NULL OR o.kind = 'unknown' THEN NULL "
      + "ELSE coalesce(o.country, 'XX') END, '(unknown)') AS country, sum(m.downloads) AS downloads FROM models m "
      + "LEFT JOIN origins o ON o.hub = m.hub "
      + "AND lower(coalesce(m.author, split_part(m.id, '/', 1))) = lower(o.account) "
      + "WHERE m.downloads IS NOT NULL GROUP BY 1";

  @TempDir
  Path dir;

  private static Map<String, Long> rows(ResultSet rs) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
    rs.close();
    return out;
  }

  private static Map<String, Long> library(Path file, Attribution a) throws IOException {
    try (Snapshot s = Snapshots.open(file)) {
      ShareTable t = Shares.by(Dimension.COUNTRY).attribution(a).compute(s);
      Map<String, Long> out = new HashMap<>();
      for (ShareRow r : t.rows()) out.put(r.key(), r.value());
      if (t.unknown().value() > 0) out.put("(unknown)", t.unknown().value());
      return out;
    }
  }

  @Test
  void theCountryShareInSqlEqualsTheLibrarysForEveryFormat() throws Exception {
    Path plain = dir.resolve("plain.jsonl.gz");
    Files.copy(HubParquet.file("plain.jsonl.gz"), plain);
    for (Path f : List.of(HubParquet.file("current.parquet"), HubParquet.file("older.parquet"), plain)) {
      try (SnapshotSql sql = SnapshotSql.open(List.of(f), null, OriginRegistry.bundled())) {
        assertThat(rows(sql.query(COUNTRY_SQL))).as(f.getFileName().toString())
            .isEqualTo(library(f, Attribution.UPLOADER)).containsKeys("US", "CN", "(unknown)");
      }
    }
  }

  @Test
  void rootAttributionThroughTheLineageTableEqualsTheLibrarys() throws Exception {
    Path f = HubParquet.file("current.parquet");
    String byRoot = COUNTRY_SQL.replace("FROM models m", "FROM models m JOIN lineage l USING (hub, id)")
        .replace("coalesce(m.author, split_part(m.id, '/', 1))",
            "CASE WHEN l.root = m.id THEN coalesce(m.author, split_part(m.id, '/', 1)) "
                + "ELSE split_part(l.root, '/', 1) END");
    try (SnapshotSql sql = SnapshotSql.open(List.of(f), null, OriginRegistry.bundled())) {
      assertThat(rows(sql.query(byRoot))).isEqualTo(library(f, Attribution.ROOT));
    }
  }

  @Test
  void aDirectoryIsEverySnapshotWithItsHubAndDate() throws Exception {
    Path out = dir.resolve("export");
    for (String d : List.of("2026-08-01", "2026-08-08")) {
      try (Snapshot s = Snapshots.open(HubParquet.file(d.endsWith("01") ? "current.parquet" : "later.parquet"),
          Instant.parse(d + "T00:00:00Z"))) {
        ParquetExport.to(out).write(s);
      }
    }
    try (SnapshotSql sql = SnapshotSql.open(List.of(out), null, OriginRegistry.bundled());
        ResultSet rs = sql.query("SELECT date::VARCHAR, hub, count(*), sum(downloadsAllTime) FROM models "
            + "GROUP BY ALL ORDER BY 1")) {
      assertThat(sql.snapshots()).hasSize(2);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2026-08-01");
      assertThat(rs.getString(2)).isEqualTo("huggingface");
      assertThat(rs.getLong(3)).isEqualTo(948);
      long first = rs.getLong(4);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2026-08-08");
      assertThat(rs.getLong(4)).isGreaterThan(first);
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void originsCarryTheStudyGroupsAndABadQuerySaysWhy() throws Exception {
    try (SnapshotSql sql = SnapshotSql.open(List.of(HubParquet.file("missing.parquet")), null,
        OriginRegistry.bundled())) {
      ResultSet rs = sql.query("SELECT study_group FROM origins WHERE account = 'EleutherAI'");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("International / Online");
      rs.close();
      rs = sql.query("SELECT count(*), count(author), count(downloadsAllTime) FROM models");
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(948);
      assertThat(rs.getLong(2)).as("a missing column is NULL, never a made-up value").isZero();
      assertThat(rs.getLong(3)).isZero();
      rs.close();
      assertThatThrownBy(() -> sql.query("SELECT nope FROM models")).isInstanceOf(IOException.class)
          .hasMessageContaining("the query failed").hasMessageContaining("nope");
    }
  }
}
