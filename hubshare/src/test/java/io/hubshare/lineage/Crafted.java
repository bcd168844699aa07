package io.hubshare.lineage;

import io.hubshare.domain.Hub;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import java.util.List;

/** Hand-made models for the shapes the sample lacks (two-model cycles, long cycles, renames). */
final class Crafted {
  private Crafted() {}

  static Model model(String id, BaseModel... bases) {
    return model(id, null, bases);
  }

  static Model model(String id, Long downloads30d, BaseModel... bases) {
    return Model.builder(Hub.HUGGING_FACE, id).downloads(DownloadMetrics.of(downloads30d, null))
        .baseModels(List.of(bases)).rawJson("{\"id\":\"" + id + "\"}").build();
  }

  static BaseModel finetune(String id) {
    return BaseModel.of(id, Relation.FINETUNE);
  }

  static BaseModel quantized(String id) {
    return BaseModel.of(id, Relation.QUANTIZED);
  }

  static BaseModel merge(String id) {
    return BaseModel.of(id, Relation.MERGE);
  }
}
