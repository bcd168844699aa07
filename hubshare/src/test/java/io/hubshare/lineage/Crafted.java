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
    return new Model(Hub.HUGGING_FACE, id, id.contains("/") ? id.substring(0, id.indexOf('/')) : null, null, null, null, null, null,
        List.of(), null, null, null, null, null, new DownloadMetrics(downloads30d, null, null, null),
        List.of(bases), "{\"id\":\"" + id + "\"}");
  }

  static BaseModel finetune(String id) {
    return new BaseModel(id, Relation.FINETUNE);
  }

  static BaseModel quantized(String id) {
    return new BaseModel(id, Relation.QUANTIZED);
  }

  static BaseModel merge(String id) {
    return new BaseModel(id, Relation.MERGE);
  }
}
