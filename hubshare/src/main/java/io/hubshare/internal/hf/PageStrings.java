package io.hubshare.internal.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What a reader of a list page keeps of each model's id and author without a string per model: the ids as ASCII
 * bytes, one after the other in one array per page (a {@link io.hubshare.internal.protocol.StoredFields} makes its
 * id a string only when asked), and the accounts as one string per spelling, kept by the reading thread from page
 * to page. The values are those {@link StoredFieldReader} reads with strings: the id trimmed, the author trimmed and
 * non-blank.
 */
final class PageStrings {
  /** Past this many accounts the table starts afresh: a bound whatever the listing. */
  private static final int MAX_ACCOUNTS = 1 << 16;
  private static final ThreadLocal<Accounts> ACCOUNTS = ThreadLocal.withInitial(Accounts::new);

  /** The ids read so far; {@code quickAscii} reads whole words, so seven bytes past the last one stay readable. */
  private byte[] ids = new byte[32 << 10];
  private int used;
  private int idStart;
  private int idLength;
  private final Accounts accounts = ACCOUNTS.get();

  /** The bytes the ids of this page are kept in: valid until the next {@link #readId} grows them. */
  byte[] ids() {
    return ids;
  }

  int idStart() {
    return idStart;
  }

  int idLength() {
    return idLength;
  }

  /**
   * Keeps the trimmed string the parser stands on as the current id, when it is ASCII; returns {@code false} (and
   * keeps nothing) otherwise, for the caller to make it a string.
   */
  boolean readId(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int s = p.getTextOffset();
    int e = s + p.getTextLength();
    while (s < e && c[s] <= ' ') s++;
    while (e > s && c[e - 1] <= ' ') e--;
    int n = e - s;
    if (used + n + 8 > ids.length) ids = Arrays.copyOf(ids, Math.max(ids.length * 2, used + n + 8));
    for (int i = 0; i < n; i++) {
      char ch = c[s + i];
      if (ch >= 0x80) return false;
      ids[used + i] = (byte) ch;
    }
    idStart = used;
    idLength = n;
    used += n;
    return true;
  }

  /** The author as {@link JsonValues#nonBlankString} reads it, one string per spelling. */
  @Nullable String author(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      p.skipChildren();
      return null;
    }
    char[] c = p.getTextCharacters();
    int s = p.getTextOffset();
    int e = s + p.getTextLength();
    while (s < e && c[s] <= ' ') s++;
    while (e > s && c[e - 1] <= ' ') e--;
    return s == e ? null : accounts.of(c, s, e - s);
  }

  /** The owner part of the current id ({@code null} for a bare legacy id), one string per spelling. */
  @Nullable String ownerOfId() {
    int slash = -1;
    for (int i = 0; i < idLength; i++) {
      if (ids[idStart + i] == '/') {
        slash = i;
        break;
      }
    }
    if (slash < 0) return null;
    char[] c = new char[slash];
    for (int i = 0; i < slash; i++) c[i] = (char) ids[idStart + i];
    return accounts.of(c, 0, slash);
  }

  /** One string per spelling: an open-addressed table of the strings met. */
  private static final class Accounts {
    private String[] slots = new String[1 << 10];
    private int count;

    String of(char[] c, int s, int n) {
      int h = 0;
      for (int i = 0; i < n; i++) h = 31 * h + c[s + i]; // String.hashCode's: the string keeps it
      int mask = slots.length - 1;
      for (int k = mix(h) & mask; ; k = (k + 1) & mask) {
        String t = slots[k];
        if (t == null) break;
        if (t.hashCode() == h && same(t, c, s, n)) return t;
      }
      String t = new String(c, s, n);
      if (count >= MAX_ACCOUNTS) {
        slots = new String[1 << 10];
        count = 0;
      }
      if ((count + 1) * 2 > slots.length) grow();
      put(t);
      return t;
    }

    private void put(String t) {
      int mask = slots.length - 1;
      int k = mix(t.hashCode()) & mask;
      while (slots[k] != null) k = (k + 1) & mask;
      slots[k] = t;
      count++;
    }

    private void grow() {
      String[] old = slots;
      slots = new String[old.length * 2];
      count = 0;
      for (String t : old) {
        if (t != null) put(t);
      }
    }

    private static int mix(int h) {
      return h ^ (h >>> 16);
    }

    private static boolean same(String t, char[] c, int s, int n) {
      if (t.length() != n) return false;
      for (int i = 0; i < n; i++) {
        if (t.charAt(i) != c[s + i]) return false;
      }
      return true;
    }
  }
}
