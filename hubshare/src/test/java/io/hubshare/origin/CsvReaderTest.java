package io.hubshare.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<CsvReader.Row> read(String text) {
    return CsvReader.read(new StringReader(text), "t.csv");
  }

  @Test
  void plainFieldsSplitOnCommas() {
    List<CsvReader.Row> rows = read("a,b,c\n1,2,3\n");
    assertThat(rows).extracting(CsvReader.Row::fields)
        .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2);
  }

  @Test
  void quotedFieldKeepsCommasAndDoubledQuotes() {
    List<CsvReader.Row> rows = read("Qwen,\"Alibaba, Hangzhou\",\"say \"\"hi\"\"\"\n");
    assertThat(rows.get(0).fields()).containsExactly("Qwen", "Alibaba, Hangzhou", "say \"hi\"");
  }

  @Test
  void emptyFieldsAreKept() {
    assertThat(read("a,,\"\"\n").get(0).fields()).containsExactly("a", "", "");
  }

  @Test
  void commentsAndBlankLinesAreSkippedButCounted() {
    List<CsvReader.Row> rows = read("# header comment\n\na,b\n\n# another\nc,d");
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(3, 6);
    assertThat(rows.get(1).fields()).containsExactly("c", "d");
  }

  @Test
  void crlfLineEndingsAndByteOrderMark() {
    List<CsvReader.Row> rows = read("\uFEFFa,b\r\nc,d\r\n");
    assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(List.of("a", "b"), List.of("c", "d"));
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2);
  }

  @Test
  void quotedFieldMaySpanLinesAndLineNumbersFollow() {
    List<CsvReader.Row> rows = read("a,\"two\r\nlines\"\nb,c\n");
    assertThat(rows.get(0).fields()).containsExactly("a", "two\nlines");
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 3);
  }

  @Test
  void hashInsideARecordIsData() {
    assertThat(read("a,#b\n").get(0).fields()).containsExactly("a", "#b");
  }

  @Test
  void unterminatedQuoteNamesTheLineWhereItOpened() {
    assertThatThrownBy(() -> read("a,b\nc,\"open\nstill open\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.csv line 2: unterminated quoted field");
  }

  @Test
  void textAfterClosingQuoteIsRejected() {
    assertThatThrownBy(() -> read("a,b\n\"x\"y,z\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.csv line 2: unexpected 'y' after a closing quote");
  }
}
