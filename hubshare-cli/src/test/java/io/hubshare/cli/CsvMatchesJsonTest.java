package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every command that writes CSV writes what its JSON holds: the same names as column headers, the same values,
 * numbers raw (no thousands separators, no percent signs), an absent value as an empty cell.
 */
class CsvMatchesJsonTest extends LocalHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE = "examples/data/hub-sample-2026-08.jsonl.gz";

  @Test
  void variants() throws Exception {
    List<String> page = Recorded.sampleLines(l -> l.contains("\"base_model:Qwen/Qwen3-8B\"")).stream()
        .sorted(Comparator.comparingLong((String l) -> Json.parse(l).path("downloads").asLong()).reversed())
        .limit(20).collect(Collectors.toList());
    assertThat(page).hasSizeGreaterThan(5);
    server.enqueue(Recorded.json(Recorded.page(page)));
    server.enqueue(Recorded.json(Recorded.page(page)));

    CliRun.Result csv = CliRun.run("variants", "Qwen/Qwen3-8B", "--limit", "20", "--format", "csv",
        "--endpoint", endpoint);
    CliRun.Result json = CliRun.run("variants", "Qwen/Qwen3-8B", "--limit", "20", "--format", "json",
        "--endpoint", endpoint);

    assertThat(csv.exitCode()).isZero();
    assertSameRecords(csv.out(), JSON.readTree(json.out()).get("variants"));
    assertThat(csv.out()).as("downloads of a thousand and more, written raw").containsPattern(",[0-9]{4,},");
  }

  @Test
  void origins() throws Exception {
    String[] accounts = {"Qwen", "deepseek-ai", "bartowski", "never-reviewed-account", "meta-llama"};
    CliRun.Result csv = CliRun.run(withFormat("csv", accounts));
    CliRun.Result json = CliRun.run(withFormat("json", accounts));

    assertThat(csv.exitCode()).isZero();
    assertSameRecords(csv.out(), JSON.readTree(json.out()));
  }

  @Test
  void shares() throws Exception {
    CliRun.Result csv = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--format", "csv");
    CliRun.Result json = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--format", "json");

    assertThat(csv.exitCode()).isZero();
    JsonNode table = JSON.readTree(json.out());
    List<List<String>> records = parse(csv.out());
    List<String> header = records.get(0);
    assertThat(header).containsExactly("rank", "key", "label", "value", "share", "models", "missing");
    JsonNode rows = table.get("rows");
    assertThat(records).hasSize(1 + rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = records.get(1 + i);
      for (int c = 0; c < header.size(); c++) {
        JsonNode v = rows.get(i).get(header.get(c));
        if (header.get(c).equals("share")) {
          assertThat(Double.parseDouble(r.get(c))).isCloseTo(v.asDouble(), org.assertj.core.data.Offset.offset(1e-10));
        } else {
          assertThat(r.get(c)).as("row %d, %s", i, header.get(c)).isEqualTo(v.asText());
        }
      }
    }
    List<String> unknown = records.get(records.size() - 1);
    assertThat(unknown.get(0)).isEmpty();
    assertThat(unknown.get(3)).isEqualTo(table.get("unknownRow").get("value").asText());
  }

  @Test
  void sql() throws Exception {
    String query = "SELECT author, count(*) AS models, sum(downloads) AS downloads, min(createdAt) AS first "
        + "FROM models GROUP BY author ORDER BY downloads DESC LIMIT 20";
    CliRun.Result csv = CliRun.run("sql", query, "--from", SAMPLE, "--format", "csv");
    CliRun.Result json = CliRun.run("sql", query, "--from", SAMPLE, "--format", "json");

    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertSameRecords(csv.out(), JSON.readTree(json.out()));
  }

  private static String[] withFormat(String format, String... accounts) {
    List<String> args = new ArrayList<>(List.of("origins"));
    args.addAll(List.of(accounts));
    args.addAll(List.of("--format", format));
    return args.toArray(new String[0]);
  }

  /** The CSV's header is the objects' field names, in order, and each line holds an object's values. */
  private static void assertSameRecords(String csv, JsonNode objects) {
    List<List<String>> records = parse(csv);
    assertThat(objects.size()).isPositive();
    assertThat(records).hasSize(1 + objects.size());
    List<String> names = new ArrayList<>();
    objects.get(0).fieldNames().forEachRemaining(names::add);
    assertThat(records.get(0)).containsExactlyElementsOf(names);
    for (int i = 0; i < objects.size(); i++) {
      JsonNode o = objects.get(i);
      for (int c = 0; c < names.size(); c++) {
        JsonNode v = o.get(names.get(c));
        String expected = v == null || v.isNull() ? "" : v.asText();
        assertThat(records.get(1 + i).get(c)).as("record %d, %s", i, names.get(c)).isEqualTo(expected);
      }
    }
  }

  /** RFC 4180: fields split at commas outside quotes, doubled quotes inside; either line ending. */
  static List<List<String>> parse(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char ch = csv.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (ch == '\r') {
        continue;
      } else if (ch == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
