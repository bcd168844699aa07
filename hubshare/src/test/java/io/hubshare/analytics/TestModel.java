package io.hubshare.analytics;

import io.hubshare.domain.Hub;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.origin.DeveloperKind;
import io.hubshare.origin.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Hand-built models for tests of the maths; the real-data tests parse the recorded sample instead. */
final class TestModel {
  private final String id;
  private Long downloads30;
  private Long allTime;
  private Long likes;
  private Instant createdAt;
  private String pipelineTag;
  private String library;
  private String license;
  private Long parameters;
  private final List<BaseModel> bases = new ArrayList<>();
  private Hub hub = Hub.HUGGING_FACE;

  private TestModel(String id) {
    this.id = id;
  }

  static TestModel model(String id) {
    return new TestModel(id);
  }

  TestModel downloads(Long last30Days) {
    this.downloads30 = last30Days;
    return this;
  }

  TestModel allTime(Long n) {
    this.allTime = n;
    return this;
  }

  TestModel likes(Long n) {
    this.likes = n;
    return this;
  }

  TestModel created(String instant) {
    this.createdAt = Instant.parse(instant);
    return this;
  }

  TestModel pipeline(String tag) {
    this.pipelineTag = tag;
    return this;
  }

  TestModel library(String name) {
    this.library = name;
    return this;
  }

  TestModel license(String id) {
    this.license = id;
    return this;
  }

  TestModel parameters(Long n) {
    this.parameters = n;
    return this;
  }

  TestModel on(Hub where) {
    this.hub = where;
    return this;
  }

  TestModel base(Relation relation, String baseId) {
    bases.add(BaseModel.of(baseId, relation));
    return this;
  }

  Model build() {
    return Model.builder(hub, id).createdAt(createdAt).pipelineTag(pipelineTag).libraryName(library)
        .license(license).parameters(parameters)
        .downloads(DownloadMetrics.builder().last30Days(downloads30).allTime(allTime).likes(likes).build())
        .baseModels(bases).build();
  }

  /** An origin lookup over a few hand-written accounts; every other account is unknown. */
  static Function<String, Origin> origins(Origin... known) {
    Map<String, Origin> byAccount = new java.util.HashMap<>();
    for (Origin o : known) byAccount.put(o.account(), o);
    return account -> byAccount.getOrDefault(account, Origin.unknown(account));
  }

  static Origin origin(String account, String organization, String country, String region, DeveloperKind kind) {
    return Origin.builder(account).organization(organization).country(country).region(region).kind(kind)
        .source("https://example.org/" + account).build();
  }
}
