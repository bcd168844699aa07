package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.snapshot.SnapshotHeader;
import io.hubshare.snapshot.Snapshots;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharesCommandTest {
  /**
   * The bundled sample snapshot: 15,156 lines of real models of August 2026 (CC BY 4.0, see examples/data), three
   * repositories among them under two casings of their id, so 15,153 models as the Hub counts them.
   */
  private static final String SAMPLE = "examples/data/hub-sample-2026-08.jsonl.gz";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void tableOfTheSampleByCountryShowsChinaAndTheUnitedStates() {
    CliRun.Result r = CliRun.run("shares", "--by", "country", "--from", SAMPLE);

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("Downloads (30 days) by country, attribution uploader\n")
        .containsPattern("(?m)^ +1 +US +United States +[0-9,]+ +[0-9.]+%")
        .containsPattern("(?m)^ +2 +CN +China +[0-9,]+ +[0-9.]+%")
        .containsPattern("(?m)^ +unknown +Unknown ")
        .contains("15,153");
  }

  @Test
  void jsonHasTheAgreedShapeAndSharesSumWithUnknownToOne() throws Exception {
    CliRun.Result r = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--format", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode t = JSON.readTree(r.out());
    assertThat(t.get("dimension").asText()).isEqualTo("country");
    assertThat(t.get("metric").asText()).isEqualTo("downloads");
    assertThat(t.get("attribution").asText()).isEqualTo("uploader");
    assertThat(t.get("total").asLong()).isPositive();
    assertThat(t.has("hhi")).isTrue();
    assertThat(t.has("others")).as("every row is there without --top").isFalse();
    double sum = t.get("unknownShare").asDouble();
    long values = t.get("unknown").asLong();
    assertThat(t.get("unknownRow").get("value").asLong()).isEqualTo(values);
    int rank = 0;
    List<String> keys = new ArrayList<>();
    for (JsonNode row : t.get("rows")) {
      assertThat(row.has("key") && row.has("value") && row.has("share") && row.has("rank")).isTrue();
      assertThat(row.get("rank").asInt()).isGreaterThanOrEqualTo(rank);
      rank = row.get("rank").asInt();
      keys.add(row.get("key").asText());
      sum += row.get("share").asDouble();
      values += row.get("value").asLong();
    }
    assertThat(keys).contains("CN", "US");
    assertThat(sum).isCloseTo(1.0, within(1e-9));
    assertThat(values).isEqualTo(t.get("total").asLong());
  }

  @Test
  void topLimitsTheRowsAndCsvListsThemAll() throws Exception {
    CliRun.Result json = CliRun.run("shares", "--by", "organisation", "--from", SAMPLE, "--format", "json",
        "--top", "3");
    CliRun.Result csv = CliRun.run("shares", "--by", "organization", "--from", SAMPLE, "--format", "csv");

    assertThat(json.exitCode()).isZero();
    JsonNode t = JSON.readTree(json.out());
    assertThat(t.get("dimension").asText()).isEqualTo("organization");
    assertThat(t.get("rows")).hasSize(3);
    assertThat(t.get("others").get("rows").asInt()).isPositive();
    assertThat(csv.exitCode()).isZero();
    String[] lines = csv.out().split("\r?\n");
    assertThat(lines[0]).isEqualTo("rank,key,label,value,share,models,missing");
    assertThat(lines).hasSize(1 + 3 + t.get("others").get("rows").asInt() + 1);
  }

  @Test
  void filtersAndAttributionAreApplied() throws Exception {
    CliRun.Result r = CliRun.run("shares", "--by", "region", "--attribution", "root", "--metric", "models",
        "--created-after", "2026-01-01", "--pipeline-tag", "text-generation", "--from", SAMPLE, "--format", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode t = JSON.readTree(r.out());
    assertThat(t.get("attribution").asText()).isEqualTo("root");
    assertThat(t.get("metric").asText()).isEqualTo("models");
    assertThat(t.get("filters").get("createdFrom").asText()).isEqualTo("2026-01-01T00:00:00Z");
    // Open-ended: up to the day after the sample's last reading (2026-09-01).
    assertThat(t.get("filters").get("createdTo").asText()).isEqualTo("2026-09-02T00:00:00Z");
    assertThat(t.get("filters").get("pipelineTag").asText()).isEqualTo("text-generation");
    long matched = t.get("models").get("matched").asLong();
    assertThat(matched).isPositive().isLessThan(t.get("models").get("seen").asLong());
    assertThat(t.get("total").asLong()).isEqualTo(matched);
  }

  @Test
  void chartWritesAPngOfTheAskedSize(@TempDir Path out) throws Exception {
    Path png = out.resolve("countries.png");

    CliRun.Result r = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--chart", png.toString(),
        "--chart-size", "640x400", "--top", "5");

    assertThat(r.exitCode()).isZero();
    assertThat(r.errLines()).containsExactly("chart: wrote " + png + " (640x400)");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(400);
  }

  @Test
  void severalSnapshotsMakeOneTablePerSnapshotAndALineChart() throws Exception {
    // An older snapshot: the sample's models created before June 2026, as if listed on 1 June.
    Path june = snapshot("june.jsonl.gz", Instant.parse("2026-06-01T00:00:00Z"),
        l -> Json.parse(l).path("createdAt").asText().compareTo("2026-06-01") < 0 ? l : null);
    Path png = dir.resolve("series.png");

    CliRun.Result text = CliRun.run("shares", "--by", "region", "--from", SAMPLE, june.toString(), "--top", "3",
        "--chart", png.toString());
    CliRun.Result json = CliRun.run("shares", "--by", "region", "--from", june.toString(), SAMPLE,
        "--format", "json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).startsWith("== june.jsonl.gz (2026-06-01T00:00:00Z) ==\n")
        .contains("\n== hub-sample-2026-08.jsonl.gz (2026-08-01T00:00:00Z) ==\n");
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1000);
    assertThat(json.exitCode()).isZero();
    JsonNode s = JSON.readTree(json.out());
    assertThat(s.get("dimension").asText()).isEqualTo("region");
    assertThat(s.get("points")).hasSize(2);
    assertThat(s.get("points").get(0).get("at").asText()).isEqualTo("2026-06-01T00:00:00Z");
    assertThat(s.get("points").get(0).get("snapshot").asText()).startsWith("june.jsonl.gz");
    JsonNode older = s.get("points").get(0).get("table");
    JsonNode newer = s.get("points").get(1).get("table");
    assertThat(older.get("models").get("seen").asLong()).isLessThan(newer.get("models").get("seen").asLong());
    assertThat(newer.get("models").get("seen").asLong()).isEqualTo(15_153);
  }

  @Test
  void downloadsBetweenTwoSnapshotsAreTheirAllTimeDifference() throws Exception {
    // Real models of the sample, with all-time counts set by hand (the sample has none): 1,000 then 1,500
    // downloads for Qwen's, 2,000 then 2,100 for Meta's.
    Path older = snapshot("older.jsonl.gz", Instant.parse("2026-07-01T00:00:00Z"), allTime(1000, 2000));
    Path newer = snapshot("newer.jsonl.gz", Instant.parse("2026-08-01T00:00:00Z"), allTime(1500, 2100));

    CliRun.Result r = CliRun.run("shares", "--by", "country", "--metric", "downloads-between", "--from",
        newer.toString(), older.toString(), "--format", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode t = JSON.readTree(r.out());
    assertThat(t.get("metric").asText()).isEqualTo("downloads-between");
    long qwen = Recorded.sampleLines(l -> l.contains("\"author\":\"Qwen\"")).size();
    long meta = Recorded.sampleLines(l -> l.contains("\"author\":\"meta-llama\"")).size();
    assertThat(row(t, "CN").get("value").asLong()).isEqualTo(500 * qwen);
    assertThat(row(t, "US").get("value").asLong()).isEqualTo(100 * meta);
    assertThat(t.get("total").asLong()).isEqualTo(500 * qwen + 100 * meta);
  }

  @Test
  void liveSharesAskTheListingForWhatTheMetricNeeds() throws Exception {
    List<String> lines = Recorded.sampleLines(l -> l.contains("\"author\":\"Qwen\"")
        || l.contains("\"author\":\"meta-llama\"")).subList(0, 30);
    ListingDispatcher hub = new ListingDispatcher(lines);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(hub);
      server.start();

      CliRun.Result r = CliRun.run("shares", "--by", "country", "--metric", "likes", "--endpoint",
          server.url("/").toString(), "--page-size", "20", "--format", "json");

      assertThat(r.exitCode()).isZero();
      assertThat(r.errLines()).containsExactly("shares: 30 models listed from " + server.url("/").toString()
          .replaceAll("/$", ""));
      assertThat(hub.requests).hasSize(2);
      HttpUrl first = hub.requests.get(0);
      assertThat(first.encodedPath()).isEqualTo("/api/models");
      assertThat(first.queryParameter("limit")).isEqualTo("20");
      // Only what the computation reads: the author and the metric's counter.
      assertThat(first.queryParameterValues("expand")).containsExactly("author", "likes");
      JsonNode t = JSON.readTree(r.out());
      assertThat(t.get("models").get("seen").asLong()).isEqualTo(30);
      long likes = 0;
      for (String l : lines) likes += Json.parse(l).get("likes").asLong();
      assertThat(t.get("total").asLong()).isEqualTo(likes);
      assertThat(t.get("unknown").asLong()).isZero();
    }
  }

  @Test
  void fieldsFollowTheDimensionAttributionAndFilters() {
    assertThat(fields("--by", "account")).containsExactly("author", "downloads");
    assertThat(fields("--by", "size", "--metric", "downloads-all-time"))
        .containsExactly("author", "downloadsAllTime", "safetensors", "gguf");
    assertThat(fields("--by", "pipeline-tag", "--metric", "models", "--library", "transformers"))
        .containsExactly("author", "pipeline_tag", "library_name");
    assertThat(fields("--by", "family", "--attribution", "root"))
        .containsExactly("author", "tags", "downloads", "cardData");
    assertThat(fields("--by", "country", "--attribution", "parent"))
        .containsExactly("author", "tags", "downloads", "cardData");
    assertThat(fields("--by", "license")).containsExactly("author", "tags", "downloads", "cardData");
    assertThat(fields("--by", "country", "--created-after", "2025-01-01"))
        .containsExactly("author", "createdAt", "downloads");
  }

  @Test
  void wrongUsesAreOneLineWithTheRightExitCode() {
    String absent = dir.resolve("absent.jsonl.gz").toString();

    CliRun.Result missing = CliRun.run("shares", "--by", "country", "--from", absent);
    CliRun.Result between = CliRun.run("shares", "--by", "country", "--metric", "downloads-between",
        "--from", SAMPLE);
    CliRun.Result both = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--endpoint",
        "http://127.0.0.1:9");
    CliRun.Result twice = CliRun.run("shares", "--by", "country", "--from", SAMPLE, SAMPLE);
    CliRun.Result liveOnly = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--limit", "10");
    CliRun.Result window = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--created-after",
        "2026-01-01", "--created-before", "2025-01-01");

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines()).containsExactly("hubshare: snapshot file '" + absent + "' not found");
    for (CliRun.Result r : List.of(between, both, twice, liveOnly, window)) {
      assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
      assertThat(r.errLines()).as(r.err()).hasSize(2);
      assertThat(r.errLines()[0]).startsWith("hubshare: ");
      assertThat(r.errLines()[1]).isEqualTo("try 'hubshare shares --help'");
      assertThat(r.out()).isEmpty();
    }
    assertThat(twice.err()).contains("different times");
  }

  @Test
  void badOptionValuesAreOneLineAndWhereToReadMore() {
    CliRun.Result dimension = CliRun.run("shares", "--by", "planet", "--from", SAMPLE);
    CliRun.Result date = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--created-after", "last year");
    CliRun.Result noBy = CliRun.run("shares", "--from", SAMPLE);

    assertThat(dimension.exitCode()).isEqualTo(2);
    assertThat(dimension.errLines()).containsExactly("hubshare: invalid value for option '--by': 'planet' is not a "
        + "dimension; expected one of country, region, organization, account, kind, family, relation, pipeline-tag, "
        + "library, size, license", "try 'hubshare shares --help'");
    assertThat(date.exitCode()).isEqualTo(2);
    assertThat(date.errLines()[0]).contains("'last year' is not a date");
    assertThat(noBy.exitCode()).isEqualTo(2);
    assertThat(noBy.errLines()).containsExactly("hubshare: --by DIMENSION is required (or --study)",
        "try 'hubshare shares --help'");
  }

  @Test
  void aMetricNoModelCarriesIsAnErrorNamingItAndWhatWouldCarryIt() throws Exception {
    Path older = snapshot("older.jsonl.gz", Instant.parse("2026-07-01T00:00:00Z"), l -> l);

    CliRun.Result allTime = CliRun.run("shares", "--by", "country", "--metric", "downloads-all-time", "--from",
        SAMPLE);
    CliRun.Result between = CliRun.run("shares", "--by", "country", "--metric", "downloads-between", "--from",
        older.toString(), SAMPLE, "--format", "csv");

    assertThat(allTime.exitCode()).isEqualTo(2);
    assertThat(allTime.out()).as("no table of zeros").isEmpty();
    assertThat(allTime.errLines()).containsExactly("hubshare: no value of downloads (all time) in the 15,153 models "
        + "of " + SAMPLE + ": all-time counts come with a live listing, or a snapshot made by 'hubshare crawl' (it "
        + "asks for downloadsAllTime by default); or use --metric downloads (the last 30 days)",
        "try 'hubshare shares --help'");
    assertThat(between.exitCode()).isEqualTo(2);
    assertThat(between.out()).isEmpty();
    assertThat(between.errLines()[0]).startsWith("hubshare: no value of downloads (between snapshots) in the 15,153 "
        + "models of " + older + " and " + SAMPLE + ": ").contains("all-time counts", "'hubshare crawl'");
  }

  @Test
  void aChartPathIsCheckedBeforeAnythingIsComputedOrPrinted() {
    Path inMissingFolder = dir.resolve("no-such-folder/countries.png");

    CliRun.Result missing = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--chart",
        inMissingFolder.toString());
    CliRun.Result folder = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--chart", dir.toString());

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.out()).as("no table printed before the failure").isEmpty();
    assertThat(missing.errLines()).containsExactly("hubshare: --chart " + inMissingFolder + ": the folder "
        + inMissingFolder.getParent() + " does not exist (create it first, or choose another path)");
    assertThat(inMissingFolder.getParent()).as("never created").doesNotExist();
    assertThat(folder.exitCode()).isEqualTo(1);
    assertThat(folder.out()).isEmpty();
    assertThat(folder.errLines()[0]).startsWith("hubshare: --chart " + dir + " is a folder");
  }

  @Test
  void theChartCaptionNamesTheSourceAndItsWindow() {
    Instant start = Instant.parse("2026-08-01T00:00:00Z");
    Instant end = Instant.parse("2026-09-01T00:00:00Z");
    java.util.Map<String, String> created = java.util.Map.of("createdFrom", "2026-01-01T00:00:00Z",
        "createdTo", "2026-09-02T00:00:00Z");

    assertThat(ChartCaption.table("hub-sample-2026-08.jsonl.gz", io.hubshare.analytics.Metric.DOWNLOADS, start, end,
        java.util.Map.of())).isEqualTo("hub-sample-2026-08.jsonl.gz, read 2026-08-01 to 2026-09-01: downloads in "
        + "the 30 days before the reading");
    assertThat(ChartCaption.table("hub.jsonl.gz", io.hubshare.analytics.Metric.DOWNLOADS_ALL_TIME, end,
        end.plusSeconds(3600), created)).isEqualTo("hub.jsonl.gz, read 2026-09-01: downloads since each model was "
        + "created; models created 2026-01-01 to 2026-09-01");
    assertThat(ChartCaption.between(Instant.parse("2026-07-01T00:00:00Z"), start, java.util.Map.of()))
        .isEqualTo("downloads between the snapshots of 2026-07-01 and 2026-08-01");
    assertThat(ChartCaption.table("models.parquet", io.hubshare.analytics.Metric.MODELS, null, null,
        java.util.Map.of())).isEqualTo("models.parquet: models");
    assertThat(ChartCaption.series(3, io.hubshare.analytics.Metric.LIKES, Instant.parse("2026-06-01T00:00:00Z"),
        start, java.util.Map.of())).isEqualTo("3 snapshots, 2026-06-01 to 2026-08-01: likes at each");
  }

  @Test
  void aDamagedSnapshotIsOneLineNamingTheFile() throws Exception {
    Path bad = dir.resolve("bad.jsonl.gz");
    Files.write(bad, "not a snapshot".getBytes(StandardCharsets.UTF_8));

    CliRun.Result r = CliRun.run("shares", "--by", "country", "--from", bad.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("hubshare: ").contains(bad.toString());
  }

  private static List<String> fields(String... args) {
    picocli.CommandLine cli = Main.commandLine(CliRun.context(java.util.Map.of()));
    String[] all = new String[args.length + 1];
    all[0] = "shares";
    System.arraycopy(args, 0, all, 1, args.length);
    picocli.CommandLine.ParseResult parsed = cli.parseArgs(all);
    SharesCommand shares = parsed.subcommand().commandSpec().commandLine().getCommand();
    return shares.fieldsNeeded();
  }

  private static JsonNode row(JsonNode table, String key) {
    for (JsonNode r : table.get("rows")) {
      if (r.get("key").asText().equals(key)) return r;
    }
    throw new AssertionError("no row " + key + " in " + table);
  }

  /** The sample's Qwen and Meta models, each with an all-time count. */
  private static Function<String, String> allTime(long qwen, long meta) {
    return l -> {
      ObjectNode m = (ObjectNode) Json.parse(l);
      String author = m.path("author").asText();
      if (!author.equals("Qwen") && !author.equals("meta-llama")) return null;
      m.put("downloadsAllTime", author.equals("Qwen") ? qwen : meta);
      return m.toString();
    };
  }

  /** A snapshot of the sample's model lines, each mapped (null drops it), read at {@code at}. */
  private Path snapshot(String name, Instant at, Function<String, String> map) throws Exception {
    List<String> kept = new ArrayList<>();
    for (String l : Recorded.sampleLines(l -> true)) {
      String m = map.apply(l);
      if (m != null) kept.add(m);
    }
    Path lines = dir.resolve(name + ".lines");
    Files.write(lines, kept, StandardCharsets.UTF_8);
    Path out = dir.resolve(name);
    Snapshots.importLines(lines, out, SnapshotHeader.describing("huggingface", "https://huggingface.co", at,
        at.plusSeconds(3600), "derived from the hub-sample-2026-08 test sample", null), false);
    return out;
  }
}
