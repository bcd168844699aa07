package io.hubshare.internal.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hubshare.domain.Model;
import io.hubshare.internal.protocol.ModelFields;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.internal.protocol.WireFormatException;
import io.hubshare.internal.transport.Body;
import io.hubshare.internal.transport.HubResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list page's models read as a few fields each, no {@link Model}: {@link StoredFieldScanner} over the body's bytes as
 * received (no text of the body, no string per id, one per account), or for a page it does not take on (a model with
 * escapes or non-ASCII text in what is read, say) one Jackson parser over them, each element of the array read by
 * {@link StoredFieldReader}. The page's shape is checked as {@link HfModels#parseList} checks it (an array of
 * objects, nothing after it). A body this reader
 * stops at (malformed, a sequence that is not UTF-8, a model it rejects) is read again by the full reader:
 * its failure is then the full path's to the letter, and a page it reads after all gives the fields of its models,
 * so that a computation sees what the full path would have seen.
 */
final class FieldPages {
  private FieldPages() {}

  /** The fields of the page's models, in its order. */
  static List<StoredFields> read(HubResponse response, StoredFields.Request request) {
    Body body = response.content();
    try {
      return read(body, request);
    } catch (IOException | RuntimeException unread) {
      // The full reader decides: it reads the text as every other page is read, and names the item that fails.
      List<Model> models = WireDecoder.models(response);
      List<StoredFields> out = new ArrayList<>(models.size());
      for (Model m : models) out.add(ModelFields.of(m, request));
      return out;
    }
  }

  private static List<StoredFields> read(Body body, StoredFields.Request request) throws IOException {
    if (body.receivedAsUtf8()) {
      // Most pages: the byte scanner of snapshots, over the page's array.
      List<StoredFields> scanned = StoredFieldScanner.page(body.utf8(), request);
      if (scanned != null) return scanned;
    }
    // Bytes as received when they are UTF-8; a body in another charset is parsed as the text it decodes to.
    try (JsonParser p = body.receivedAsUtf8() ? HfJson.FACTORY.createParser(body.utf8())
        : HfJson.FACTORY.createParser(body.text())) {
      if (p.nextToken() != JsonToken.START_ARRAY) throw new WireFormatException("not an array of models");
      List<StoredFields> out = new ArrayList<>(1024);
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.START_OBJECT) throw new WireFormatException("not a model object");
        StoredFields f = new StoredFields();
        StoredFieldReader.read(p, request, f);
        out.add(f);
      }
      if (p.nextToken() != null) throw new WireFormatException("content after the array of models");
      return out;
    }
  }
}
