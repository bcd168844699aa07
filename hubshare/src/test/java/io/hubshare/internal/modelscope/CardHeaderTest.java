package io.hubshare.internal.modelscope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The base models a model card's YAML header names. */
class CardHeaderTest {

  @Test
  void oneBaseOnItsLine() {
    CardHeader h = CardHeader.parse("---\nlicense: apache-2.0\nbase_model: Qwen/Qwen2.5-7B\ntags:\n- chat\n---\n# Qwen");
    assertThat(h.baseModels()).containsExactly("Qwen/Qwen2.5-7B");
    assertThat(h.relation()).isNull();
  }

  @Test
  void blockAndFlowListsWithQuotesCommentsAndARelation() {
    CardHeader block = CardHeader.parse("---\r\nbase_model:\r\n  - \"meta-llama/Llama-3.1-8B\"  # the base\r\n"
        + "- 'Qwen/Qwen3-8B'\r\nbase_model_relation: merge\r\nlicense: mit\r\n---\r\n");
    assertThat(block.baseModels()).containsExactly("meta-llama/Llama-3.1-8B", "Qwen/Qwen3-8B");
    assertThat(block.relation()).isEqualTo("merge");
    assertThat(CardHeader.parse("---\nbase_model: [a/b, \"c/d\", a/b]\n---").baseModels())
        .containsExactly("a/b", "c/d");
  }

  @Test
  void onlyTopLevelKeysOfAClosedLeadingHeaderCount() {
    assertThat(CardHeader.parse("# Title\n---\nbase_model: a/b\n---").baseModels()).as("not leading").isEmpty();
    assertThat(CardHeader.parse("---\nbase_model: a/b\n").baseModels()).as("never closed").isEmpty();
    assertThat(CardHeader.parse("---\nmodel-index:\n  base_model: a/b\n---").baseModels()).as("nested").isEmpty();
    assertThat(CardHeader.parse("\uFEFF---\nbase_model: a/b\n...\nbody").baseModels()).containsExactly("a/b");
    assertThat(CardHeader.parse("---\nbase_model: null\n---").baseModels()).isEmpty();
    assertThat(CardHeader.parse(null)).isEqualTo(CardHeader.NONE);
    assertThat(CardHeader.parse("")).isEqualTo(CardHeader.NONE);
  }
}
