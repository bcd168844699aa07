package io.hubshare.internal.protocol;

import io.hubshare.domain.Model;
import java.util.List;

/**
 * A {@link Model}'s fields as a field reader would have read them: for a page a field reader leaves to the full
 * reader (a body it cannot take on itself), so that a computation over fields sees each model alike, whichever
 * reader read it.
 */
public final class ModelFields {
  private ModelFields() {}

  /** The fields {@code request} asks for, of {@code model}, in a fresh {@link StoredFields}. */
  public static StoredFields of(Model model, StoredFields.Request request) {
    StoredFields f = new StoredFields();
    f.id(model.id());
    f.idHash = RepoIdHash.quick(model.id());
    // Model.author() is the author, else the owner part of the id: what a field reader keeps as the account.
    f.account = model.author();
    f.accountRef = -1;
    f.downloads = request.downloads ? model.downloads().last30Days() : null;
    f.downloadsAllTime = request.downloadsAllTime ? model.downloads().allTime() : null;
    f.likes = request.likes ? model.downloads().likes() : null;
    f.createdAt = request.createdAt ? model.createdAt() : null;
    f.bases = request.bases ? model.baseModels() : List.of();
    f.pipelineTag = request.pipelineTag ? model.pipelineTag() : null;
    f.libraryName = request.libraryName ? model.libraryName() : null;
    return f;
  }
}
