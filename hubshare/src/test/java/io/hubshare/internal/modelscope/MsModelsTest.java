package io.hubshare.internal.modelscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Gating;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.internal.protocol.WireFormatException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How one ModelScope model object maps to a {@link Model}, field by field. */
class MsModelsTest {

  @Test
  void aMirrorsLegacyBodyKeepsItsAccountAndHasNoBaseWhenTheCardNamesNone() {
    Model m = MsModels.read(MsFixtures.data("model-legacy-mirror-llm-research-llama3"), null);
    assertThat(m.hub()).isEqualTo(Hub.MODELSCOPE);
    assertThat(m.id()).as("Path + Name").isEqualTo("LLM-Research/Meta-Llama-3-8B-Instruct");
    assertThat(m.author()).isEqualTo("LLM-Research");
    assertThat(m.downloads().likes()).as("Likes when there are no Stars").isEqualTo(188L);
    assertThat(m.createdAt()).as("zone-less: Beijing time").isEqualTo(Instant.parse("2024-04-18T16:12:31Z"));
    assertThat(m.lastModified()).isEqualTo(Instant.parse("2024-05-20T00:00:00Z"));
    assertThat(m.license()).isEqualTo("llama3");
    assertThat(m.baseModels()).isEmpty();
  }

  @Test
  void absentFieldsStayAbsentNeverZeroOrFalse() {
    Model m = MsModels.read("{\"id\":\"a/b\"}", null);
    assertThat(m.downloads().allTime()).isNull();
    assertThat(m.downloads().likes()).isNull();
    assertThat(m.createdAt()).isNull();
    assertThat(m.pipelineTag()).isNull();
    assertThat(m.gating()).isNull();
    assertThat(m.isPrivate()).isNull();
    assertThat(m.license()).isNull();
    assertThat(m.tags()).isEmpty();
    assertThat(m.rawJson()).isEqualTo("{\"id\":\"a/b\"}");
  }

  @Test
  void visibilityGatingTagObjectsAndWrongTypes() {
    assertThat(MsModels.read("{\"id\":\"a/b\",\"Visibility\":1}", null).isPrivate()).isTrue();
    assertThat(MsModels.read("{\"id\":\"a/b\",\"Visibility\":3}", null).isPrivate()).as("internal").isFalse();
    assertThat(MsModels.read("{\"id\":\"a/b\",\"Visibility\":9}", null).isPrivate()).isNull();
    assertThat(MsModels.read("{\"id\":\"a/b\",\"gated\":true}", null).gating()).isEqualTo(Gating.MANUAL);
    Model m = MsModels.read("{\"id\":\"a/b\",\"Tags\":[{\"Name\":\"nlp\",\"Color\":\"blue\"},\"text\"],"
        + "\"downloads\":\"many\",\"likes\":-3,\"tasks\":[]}", null);
    assertThat(m.tags()).containsExactly("nlp", "text");
    assertThat(m.downloads().allTime()).isNull();
    assertThat(m.downloads().likes()).isNull();
    assertThat(m.pipelineTag()).isNull();
  }

  @Test
  void theCardsBasesTakeItsRelationElseOneInferredFromTheTags() {
    String card = "---\\nbase_model:\\n- Qwen/Qwen3-8B\\n---\\n";
    assertThat(MsModels.read("{\"Path\":\"x\",\"Name\":\"y\",\"ReadMeContent\":\"" + card + "\",\"Tags\":[\"GGUF\"]}",
        null).baseModels()).containsExactly(new BaseModel("Qwen/Qwen3-8B", Relation.QUANTIZED));
    String adapter = "---\\nbase_model: Qwen/Qwen3-8B\\nbase_model_relation: adapter\\n---";
    assertThat(MsModels.read("{\"id\":\"x/y\",\"ReadMeContent\":\"" + adapter + "\"}", null).baseModels())
        .containsExactly(new BaseModel("Qwen/Qwen3-8B", Relation.ADAPTER));
    String self = "---\\nbase_model: [x/y, ./local, a/b, c/d]\\n---";
    assertThat(MsModels.read("{\"id\":\"x/y\",\"ReadMeContent\":\"" + self + "\"}", null).baseModels())
        .extracting(BaseModel::id, BaseModel::relation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a/b", Relation.MERGE),
            org.assertj.core.groups.Tuple.tuple("c/d", Relation.MERGE));
  }

  @Test
  void theIdComesFromTheBodyElseTheRequestAndMustHaveAnOwner() {
    assertThat(MsModels.read("{\"Id\":123,\"Name\":\"y\"}", "x/y").id()).isEqualTo("x/y");
    assertThatThrownBy(() -> MsModels.read("{\"Id\":123}", null)).isInstanceOf(WireFormatException.class)
        .hasMessageContaining("without an id");
    assertThatThrownBy(() -> MsModels.read("{\"id\":\"gpt2\"}", null)).isInstanceOf(WireFormatException.class)
        .hasMessageContaining("owner/name");
    assertThatThrownBy(() -> MsModels.read("[1]", null)).isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> MsModels.read("{\"id\":", null)).isInstanceOf(WireFormatException.class)
        .hasMessageContaining("malformed JSON");
  }
}
