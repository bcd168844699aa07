package io.hubshare.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing the registry should cover is forgotten: reviewed accounts are either attributed or listed as unknown. */
class OriginCoverageTest {

  private static Set<String> accounts(String file) throws IOException {
    return BundledOriginsIntegrityTest.rows(file).stream()
        .map(r -> r.fields().get(0).toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private static List<String> top300() throws IOException {
    try (InputStream in = OriginCoverageTest.class.getResourceAsStream("/origin/top300-accounts.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t")[0]).toList();
    }
  }

  @Test
  void topAccountsListHoldsThreeHundredDistinctAccountsWithDownloads() throws IOException {
    List<String> top = top300();
    assertThat(top).hasSize(300).doesNotHaveDuplicates();
    assertThat(top.subList(0, 3)).containsExactly("sentence-transformers", "Qwen", "BAAI");
  }

  @Test
  void everyTopAccountIsAttributedOrReviewedAsUnknown() throws IOException {
    Set<String> known = accounts("origins.csv");
    Set<String> reviewed = accounts("unattributed.csv");
    for (String account : top300()) {
      String key = account.toLowerCase(Locale.ROOT);
      assertThat(known.contains(key) || reviewed.contains(key))
          .as("%s is in neither origins.csv nor unattributed.csv", account).isTrue();
    }
  }

  @Test
  void noAccountIsBothAttributedAndUnattributed() throws IOException {
    Set<String> both = accounts("origins.csv");
    both.retainAll(accounts("unattributed.csv"));
    assertThat(both).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // developers the study names
      "deepseek-ai", "Qwen", "Alibaba-NLP", "meta-llama", "facebook", "google", "google-bert", "google-t5",
      "mistralai", "openai", "openai-community", "microsoft", "nvidia", "huggingface", "HuggingFaceTB",
      "bigscience", "EleutherAI", "stabilityai",
      // main labs of China
      "moonshotai", "THUDM", "zai-org", "01-ai", "baichuan-inc", "MiniMaxAI", "tencent", "ByteDance",
      "ByteDance-Seed", "baidu", "XiaomiMiMo", "stepfun-ai", "internlm", "OpenGVLab", "BAAI", "iflytek",
      // the United States, Europe, the Middle East
      "allenai", "apple", "amazon", "ibm-granite", "Aleph-Alpha", "black-forest-labs", "tiiuae", "inceptionai",
      "ALLaM-AI", "MBZUAI",
      // Korea, Japan, India, Canada
      "LGAI-EXAONE", "naver-hyperclovax", "upstage", "kakaocorp", "SakanaAI", "elyza", "rinna", "pfnet", "llm-jp",
      "sarvamai", "ai4bharat", "krutrim-ai-labs", "CohereForAI", "CohereLabs",
      // more of the United States and Canada
      "ai21labs", "NousResearch", "nomic-ai", "Intel", "qualcomm", "perplexity-ai", "ibm", "FacebookAI",
      "codellama", "Writer", "Zyphra", "arcee-ai", "PrimeIntellect", "lmsys", "stanford-crfm", "TIGER-Lab",
      // more of China
      "xverse", "qihoo360", "Tele-AI", "sensenova", "IEITYuan", "OrionStarAI", "vivo-ai", "jdopensource",
      "TencentARC", "bytedance-research", "huawei-noah", "FreedomIntelligence", "IDEA-Research", "opendatalab",
      "hkunlp",
      // more of Europe
      "jinaai", "mixedbread-ai", "deepmind", "Helsinki-NLP", "utter-project", "openGPT-X", "LumiOpen",
      "AI-Sweden-Models", "sapienzanlp", "OpenLLM-France", "PleIAs", "Unbabel", "INSAIT-Institute",
      "CYFRAGOVPL", "projecte-aina", "ai-forever", "yandex",
      // more of Korea, Japan, India, the Middle East and the rest of Asia
      "kakaobrain", "NCSOFT", "K-intelligence", "trillionlabs", "sbintuitions", "Rakuten", "stockmark",
      "karakuri-ai", "Fugaku-LLM", "bharatgenai", "CoRover", "core42", "humain-ai", "QCRI", "aisingapore",
      "scb10x", "MediaTek-Research", "taide",
      // intermediaries attributed to who they are
      "unsloth", "lmstudio-community"})
  void mainDevelopersArePresent(String account) {
    assertThat(OriginRegistry.bundled().find(account)).as(account).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bartowski", "mradermacher", "TheDrummer", "hexgrad"})
  void individualIntermediariesAreReviewedNotGuessed(String account) {
    assertThat(OriginRegistry.bundled().find(account)).isNull();
    assertThat(OriginRegistry.bundled().unattributedReason(account)).isNotBlank();
  }
}
