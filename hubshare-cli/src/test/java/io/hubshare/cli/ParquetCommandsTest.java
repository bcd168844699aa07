package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet from the command line: shares, the study's measure, export and SQL, checked against DuckDB alone. */
class ParquetCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String file(String name) {
    try {
      return Path.of(ParquetCommandsTest.class.getResource("/hub-parquet/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** DuckDB's sums of a column by account (the author, else the id's owner), keys in lower case. */
  private static Map<String, Long> duckdbByAccount(String parquet, String column) throws Exception {
    Map<String, Long> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT lower(coalesce(author, split_part(id, '/', 1))), sum(" + column
            + ") FROM read_parquet('" + parquet + "') GROUP BY 1")) {
      while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
    }
    return out;
  }

  @Test
  void accountSharesOfAParquetFileEqualDuckDbsSumsToTheUnit() throws Exception {
    for (String f : new String[] {"current.parquet", "older.parquet", "strings.parquet"}) {
      CliRun.Result r = CliRun.run("shares", "--by", "account", "--metric", "downloads-all-time", "--from", file(f),
          "--format", "json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err()).contains("snapshot: " + f + " (Parquet, 948 models, unknown");
      JsonNode t = JSON.readTree(r.out());
      Map<String, Long> cli = new HashMap<>();
      for (JsonNode row : t.get("rows")) {
        cli.put(row.get("key").asText().toLowerCase(Locale.ROOT), row.get("value").asLong());
      }
      assertThat(cli).as(f).isEqualTo(duckdbByAccount(file(f), "downloadsAllTime"));
      assertThat(t.get("total").asLong()).isPositive();
    }
  }

  @Test
  void countrySharesOfAParquetFileAreTheSameAsOfItsJsonLines() throws Exception {
    Path json = Files.copy(Path.of(file("plain.jsonl.gz")), dir.resolve("plain.jsonl.gz"));
    CliRun.Result p = CliRun.run("shares", "--by", "country", "--from", file("current.parquet"), "--format", "csv");
    CliRun.Result j = CliRun.run("shares", "--by", "country", "--from", json.toString(), "--format", "csv");
    assertThat(p.exitCode()).isZero();
    assertThat(p.out()).isEqualTo(j.out()).contains("US,United States");
  }

  @Test
  void theStudyShowsBothAttributionsAndTheWindow() throws Exception {
    CliRun.Result r = CliRun.run("shares", "--study", "--from", file("current.parquet"), "--at", "2026-09-01",
        "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode t = JSON.readTree(r.out());
    assertThat(t.get("from").asText()).isEqualTo("2025-09-01T00:00:00Z");
    assertThat(t.get("to").asText()).isEqualTo("2026-09-01T00:00:00Z");
    long uploader = 0;
    long base = 0;
    for (JsonNode g : t.get("groups")) {
      uploader += g.get("uploader").get("value").asLong();
      base += g.get("base").get("value").asLong();
    }
    uploader += t.get("unknown").get("uploader").get("value").asLong();
    base += t.get("unknown").get("base").get("value").asLong();
    assertThat(uploader).isEqualTo(base).isEqualTo(t.get("total").asLong()).isPositive();

    // The sample has no all-time counts: an error that says what would carry them, never a table of zeros.
    CliRun.Result sample = CliRun.run("shares", "--study", "--from", "examples/data/hub-sample-2026-08.jsonl.gz");
    assertThat(sample.exitCode()).isEqualTo(2);
    assertThat(sample.out()).isEmpty();
    assertThat(sample.errLines()[0]).isEqualTo("hubshare: --study weighs models by their all-time downloads, and "
        + "none of the 14,887 models of examples/data/hub-sample-2026-08.jsonl.gz created in the window has an "
        + "all-time count: they come with a snapshot made by 'hubshare crawl' (it asks for downloadsAllTime by "
        + "default) or a Parquet snapshot of the Hub's statistics");

    CliRun.Result undated = CliRun.run("shares", "--study", "--from", file("current.parquet"));
    assertThat(undated.exitCode()).isNotZero();
    assertThat(undated.err()).contains("--at DATE");
    assertThat(CliRun.run("shares", "--study", "--by", "country", "--from", file("current.parquet")).exitCode())
        .isEqualTo(2);
  }

  @Test
  void exportThenDuckDbGivesBackEveryModelOnceAndSqlReadsTheExport() throws Exception {
    Path out = dir.resolve("exp");
    CliRun.Result e = CliRun.run("export", "--to", "parquet", "--out", out.toString(), "--from",
        "examples/data/hub-sample-2026-08.jsonl.gz", "--format", "json");
    assertThat(e.exitCode()).as(e.err()).isZero();
    assertThat(JSON.readTree(e.out()).get("snapshots").get(0).get("models").asLong()).isEqualTo(15156);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT id), sum(downloads) FROM read_parquet('" + out
            + "/*/*/models.parquet', hive_partitioning = true)")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(15156);
      assertThat(rs.getLong(2)).isEqualTo(15156);
      assertThat(rs.getLong(3)).isEqualTo(911_022_508L);
    }
    CliRun.Result q = CliRun.run("sql", "SELECT date::VARCHAR AS date, count(*) AS models FROM models GROUP BY 1",
        "--from", out.toString(), "--format", "csv");
    assertThat(q.exitCode()).as(q.err()).isZero();
    assertThat(q.out()).isEqualTo("date,models\n2026-08-01,15156\n");
    CliRun.Result bad = CliRun.run("sql", "SELECT nope FROM models", "--from", out.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("nope");
    assertThat(CliRun.run("export", "--to", "csv", "--out", out.toString(), "--from", file("current.parquet"))
        .exitCode()).isEqualTo(2);
  }
}
