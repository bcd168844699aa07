package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies that are not what the Hub promises fail with a WireFormatException saying what and where. */
class HfModelsMalformedTest {
  private static final String LLAMA = HfFixtures.modelInfo("meta-llama__Llama-3.1-8B-Instruct__20250321T111930Z.json");

  @Test
  void aTruncatedBodyNamesTheOffsetWhereItEnds() {
    String cut = LLAMA.substring(0, 812);

    assertThatThrownBy(() -> HfModels.parse(cut))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("truncated JSON at offset 812")
        .hasCauseInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aTruncatedPageNamesTheOffsetWhereItEnds() {
    List<String> lines = HfFixtures.sampleLines().subList(0, 3);
    String page = "[" + String.join(",", lines) + "]";
    String cut = page.substring(0, page.length() - 1);

    assertThatThrownBy(() -> HfModels.parseList(cut))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("truncated JSON at offset " + cut.length());
  }

  @Test
  void anObjectWhereAPageIsExpected() {
    assertThatThrownBy(() -> HfModels.parseList(LLAMA))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("expected a JSON array of models, got an object");
    assertThatThrownBy(() -> HfModels.parseList("{\"error\":\"Invalid username or password.\"}"))
        .hasMessage("expected a JSON array of models, got an object");
  }

  @Test
  void anArrayWhereAModelIsExpected() {
    assertThatThrownBy(() -> HfModels.parse("[" + LLAMA + "]"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("expected a JSON model object, got an array");
  }

  @Test
  void aModelWithoutId() {
    assertThatThrownBy(() -> HfModels.parse("{\"_id\":\"6698d8a0653e4babe21e1e7d\",\"downloads\":3}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("model without id (neither 'id' nor 'modelId')");
  }

  @Test
  void aPageItemWithoutIdIsNamedWithItsIndexAndOffset() {
    String first = HfFixtures.sampleLines().get(0);
    String page = "[" + first + ",{\"likes\":1}]";

    assertThatThrownBy(() -> HfModels.parseList(page))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("item 1 (offset " + (first.length() + 2) + "): model without id (neither 'id' nor 'modelId')");
  }

  @Test
  void anIdOfTheWrongTypeOrEmptyIsNamed() {
    assertThatThrownBy(() -> HfModels.parse("{\"id\":42}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("field 'id' must be a string, got a number");
    assertThatThrownBy(() -> HfModels.parse("{\"id\":{\"name\":\"x\"},\"modelId\":\"o/m\"}"))
        .hasMessage("field 'id' must be a string, got an object");
    assertThatThrownBy(() -> HfModels.parse("{\"id\":\" \"}"))
        .hasMessage("field 'id' is empty");
  }

  @Test
  void aPageItemThatIsNotAnObject() {
    assertThatThrownBy(() -> HfModels.parseList("[\"gpt2\"]"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("item 0 (offset 1): expected a model object, got a string");
  }

  @Test
  void nullAndEmptyBodies() {
    assertThatThrownBy(() -> HfModels.parse("null"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("expected a JSON model object, got null");
    assertThatThrownBy(() -> HfModels.parseList("null"))
        .hasMessage("expected a JSON array of models, got null");
    assertThatThrownBy(() -> HfModels.parse(""))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("expected a JSON model object, got an empty body");
    assertThatThrownBy(() -> HfModels.parseList(" \n"))
        .hasMessage("expected a JSON array of models, got an empty body");
    assertThatThrownBy(() -> HfModels.parse(null))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("expected a JSON model object, got no body (null)");
  }

  @Test
  void notJsonAtAll() {
    assertThatThrownBy(() -> HfModels.parse("<!DOCTYPE html><html>Bad gateway</html>"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("malformed JSON at offset 0: ")
        .hasCauseInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> HfModels.parse("{\"id\":\"o/m\",\"likes\":1,}"))
        .hasMessageStartingWith("malformed JSON at offset 22: ");
  }

  @Test
  void contentAfterTheBodyIsRejected() {
    assertThatThrownBy(() -> HfModels.parse("{\"id\":\"o/m\"}{\"id\":\"o/n\"}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("unexpected content (an object) after the model object at offset 12");
    assertThatThrownBy(() -> HfModels.parseList("[] x"))
        .hasMessageStartingWith("malformed JSON at offset 3: ");
  }
}
