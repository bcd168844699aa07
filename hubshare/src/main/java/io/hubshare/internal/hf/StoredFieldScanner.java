package io.hubshare.internal.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.hubshare.internal.protocol.RepoIdHash;
import io.hubshare.internal.protocol.StoredFields;
import io.hubshare.internal.protocol.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fast way through a Hugging Face snapshot: the inflated bytes are scanned line by line, without a parser, and
 * only the fields a computation asks for are read; no {@link io.hubshare.domain.Model} is built and the other
 * values are stepped over, their syntax checked, never decoded. Strings are skipped eight bytes at a time.
 *
 * <p>The scanner takes on the common line only: the names and the values it reads are ASCII without escapes, and the
 * numbers it reads are integers; the values it steps over may hold any valid JSON text. On anything else (an escape or
 * a non-ASCII byte in what it reads, a fraction, expanded base models, a nesting deeper than 64, a syntax error, a
 * line it cannot place) it hands the whole line to {@link StoredFieldReader}, Jackson reading it as the full reader
 * would: the scanner reads the same values or steps aside, and never accepts a line Jackson would refuse.
 * It insists on the file's shape: the header object alone on line 1, then each model object alone on its line
 * (blank lines skipped); anything else fails, and the caller reads the file the full way for the exact message.
 *
 * <p>Memory: a buffer of 1 MiB that grows to hold the longest line, up to 32 MiB, as the full reader's lines; and
 * the accounts met, kept once each (up to 65,536 of them), so that a computation grouping by account sees one string
 * per account.
 */
final class StoredFieldScanner implements StoredFields.Reader {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** The longest line: that of the full reader ({@code io.hubshare.snapshot.Lines}). */
  static final int MAX_LINE = 32 << 20;
  /** Bytes past the data: the sentinel line end, and room for a last eight-byte read. */
  private static final int PAD = 16;
  private static final int FAIL = -1;
  private static final int MAX_DEPTH = 64;
  /** A string read longer than this goes to Jackson, which applies its own limits. */
  private static final int MAX_READ = 1 << 16;

  // The top-level fields read, by the code field() gives their names.
  private static final int OTHER = 0;
  private static final int ID = 1;
  private static final int MODEL_ID = 2;
  private static final int AUTHOR = 3;
  private static final int CREATED_AT = 4;
  private static final int PIPELINE_TAG = 5;
  private static final int LIBRARY_NAME = 6;
  private static final int TAGS = 7;
  private static final int CARD_DATA = 8;
  private static final int BASE_MODELS = 9;
  // The counters come last, in this order: counters[] is indexed by code - DOWNLOADS.
  private static final int DOWNLOADS = 10;
  private static final int DOWNLOADS_ALL_TIME = 11;
  private static final int LIKES = 12;
  private static final Name[] NAMES = {
    new Name("id", ID), new Name("modelId", MODEL_ID), new Name("author", AUTHOR),
    new Name("createdAt", CREATED_AT), new Name("pipeline_tag", PIPELINE_TAG), new Name("library_name", LIBRARY_NAME),
    new Name("tags", TAGS), new Name("cardData", CARD_DATA), new Name("baseModels", BASE_MODELS),
    new Name("downloads", DOWNLOADS), new Name("downloadsAllTime", DOWNLOADS_ALL_TIME), new Name("likes", LIKES),
  };
  /** The names of {@link #NAMES} by length (at most 16 bytes), two of them at most of each length. */
  private static final Name[][] BY_LENGTH = byLength();
  private static final byte[] BASE_MODEL = bytes("base_model");
  private static final byte[] BASE_MODEL_RELATION = bytes("base_model_relation");
  private static final byte[] BASE_MODEL_TAG = bytes("base_model:");
  private static final byte[] TRUE = bytes("true");
  private static final byte[] FALSE = bytes("false");
  private static final byte[] NULL = bytes("null");

  private final InputStream in;
  private final StoredFields.Request request;
  /** By field code: whether the request reads the field; the others are stepped over. */
  private final boolean[] wanted;
  private final AsciiStrings accounts;
  /**
   * The accounts of list pages, kept by the reading thread from page to page, so that an account is one string for
   * the whole listing.
   */
  private static final ThreadLocal<AsciiStrings> PAGE_ACCOUNTS = ThreadLocal.withInitial(AsciiStrings::new);
  private byte[] buf = new byte[(1 << 20) + PAD];
  /** The start of the next line; the data is {@code buf[0, end)}, and {@code buf[end]} is a sentinel line end. */
  private int pos;
  private int end;
  private boolean eof;
  private long line;
  private long jacksonLines;

  // The line being scanned. A field met twice keeps its last value, as with Jackson.
  private int idStart;
  private int idEnd;
  private boolean idPresent;
  private int modelIdStart;
  private int modelIdEnd;
  private int authorStart;
  private int authorEnd;
  private long number;
  private boolean numberRead;
  /** The counters by code - {@link #DOWNLOADS}: downloads, all-time downloads, likes; and whether each was read. */
  private final long[] counters = new long[3];
  private final boolean[] counted = new boolean[3];
  private @Nullable String string;
  private List<String> strings = List.of();
  private List<String> tags = List.of();
  private List<String> cardBases = List.of();
  private @Nullable String cardRelation;

  /** A reader of a hubshare snapshot's bytes, its header line first. */
  StoredFieldScanner(InputStream in, StoredFields.Request request) throws IOException {
    this(in, request, true);
  }

  /** A reader of JSON Lines of models, after a header line when {@code headerLine}. */
  StoredFieldScanner(InputStream in, StoredFields.Request request, boolean headerLine) throws IOException {
    this(in, request, headerLine, new AsciiStrings());
  }

  private StoredFieldScanner(InputStream in, StoredFields.Request request, boolean headerLine, AsciiStrings accounts)
      throws IOException {
    this.in = in;
    this.accounts = accounts;
    this.request = request;
    wanted = new boolean[LIKES + 1];
    wanted[ID] = wanted[MODEL_ID] = wanted[AUTHOR] = true;
    wanted[DOWNLOADS] = request.downloads;
    wanted[DOWNLOADS_ALL_TIME] = request.downloadsAllTime;
    wanted[LIKES] = request.likes;
    wanted[CREATED_AT] = request.createdAt;
    wanted[PIPELINE_TAG] = request.pipelineTag;
    wanted[LIBRARY_NAME] = request.libraryName || request.bases; // inference of relations reads the library
    wanted[TAGS] = wanted[CARD_DATA] = wanted[BASE_MODELS] = request.bases;
    fill();
    if (!headerLine) return;
    int nl = lineEnd();
    try (JsonParser p = HfJson.FACTORY.createParser(buf, pos, nl - pos)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new WireFormatException("a snapshot starts with its header object on line 1");
      }
      p.skipChildren();
      if (p.nextToken() != null) throw new WireFormatException("line 1 holds more than the header object");
    } catch (JsonProcessingException e) {
      throw new WireFormatException("line 1 is not a header object", e);
    }
    line = 1;
    pos = Math.min(nl + 1, end);
  }

  @Override
  public boolean next(StoredFields into) throws IOException {
    while (true) {
      byte[] b = buf;
      int i = ws(b, pos);
      if (i == end) {
        if (eof) return false;
        fill();
        continue;
      }
      line++;
      if (b[i] == '\n') {
        pos = i + 1;
        continue;
      }
      int next = scan(b, i, into);
      if (next == FAIL) next = slow(into);
      pos = next;
      return true;
    }
  }

  /**
   * The models of a list page, the whole body: a JSON array of model objects, each read as a snapshot's line is, the
   * ids left in the page's bytes. {@code null} for a page the scanner does not take on (a line break in it, any line
   * it would hand to Jackson, a body past 32 MiB): the caller then reads it with Jackson.
   */
  static @Nullable List<StoredFields> page(InputStream body, StoredFields.Request request) throws IOException {
    StoredFieldScanner s = new StoredFieldScanner(body, request, false, PAGE_ACCOUNTS.get());
    try (s) {
      while (!s.eof) s.fill();
    } catch (WireFormatException tooLong) {
      return null;
    }
    byte[] b = s.buf;
    int i = ws(b, 0);
    if (b[i] != '[') return null;
    i = ws(b, i + 1);
    List<StoredFields> out = new ArrayList<>(1024);
    if (b[i] != ']') {
      while (true) {
        StoredFields f = new StoredFields();
        i = s.object(b, i, f);
        if (i == FAIL) return null;
        out.add(f);
        i = ws(b, i);
        if (b[i] == ']') break;
        if (b[i] != ',') return null;
        i = ws(b, i + 1);
      }
    }
    return ws(b, i + 1) == s.end ? out : null;
  }

  /**
   * A line the scan gave up on: once the whole line is in the buffer, scanned again (it may have run into the end of
   * the data read so far), else read by Jackson. Returns where the next line starts.
   */
  private int slow(StoredFields f) throws IOException {
    int nl = lineEnd();
    int next = scan(buf, ws(buf, pos), f);
    if (next != FAIL) return next;
    jacksonLines++;
    try (JsonParser p = HfJson.FACTORY.createParser(buf, pos, nl - pos)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new WireFormatException("line " + line + " is not a model");
      StoredFieldReader.read(p, request, f);
      if (p.nextToken() != null) throw new WireFormatException("line " + line + " holds more than one model");
    } catch (JsonProcessingException e) {
      throw new WireFormatException("line " + line + " is not a model: " + e.getOriginalMessage(), e);
    }
    return Math.min(nl + 1, end);
  }

  /**
   * Scans the model object that starts at {@code i} into {@code f}; returns where the next line starts, or
   * {@link #FAIL} when the line is one for Jackson (or runs past the data read so far), with {@code f} undefined.
   */
  private int scan(byte[] b, int i, StoredFields f) {
    i = object(b, i, f);
    if (i == FAIL) return FAIL;
    i = ws(b, i);
    if (b[i] != '\n' || i == end && !eof) return FAIL;
    return Math.min(i + 1, end);
  }

  /**
   * Scans the model object that starts at {@code i} into {@code f}; returns the index past it, or {@link #FAIL} when
   * it is one for Jackson, with {@code f} undefined.
   */
  private int object(byte[] b, int i, StoredFields f) {
    if (b[i] != '{') return FAIL;
    idStart = -1;
    idPresent = false;
    modelIdStart = -1;
    authorStart = -1;
    Arrays.fill(counted, false);
    tags = List.of();
    cardBases = List.of();
    cardRelation = null;
    f.createdAt = null;
    f.pipelineTag = null;
    f.libraryName = null;
    i = ws(b, i + 1);
    if (b[i] == '}') {
      i++;
    } else {
      while (true) {
        int ks = i + 1;
        i = member(b, i);
        if (i == FAIL) return FAIL;
        int code = field(b, ks, nameEnd - ks);
        switch (wanted[code] ? code : OTHER) {
          case ID:
            if (b[i] == '"') {
              int e = stringEnd(b, i + 1);
              if (e == FAIL) return FAIL;
              idPresent = true;
              idStart = trimStart(b, i + 1, e);
              idEnd = trimEnd(b, idStart, e);
              i = e + 1;
            } else if (literal(b, i, NULL) != FAIL) {
              i += 4;
            } else {
              return FAIL; // not a string: Jackson's reading rejects it
            }
            break;
          case MODEL_ID:
            i = readStringRange(b, i);
            modelIdStart = rangeStart;
            modelIdEnd = rangeEnd;
            break;
          case AUTHOR:
            i = readStringRange(b, i);
            authorStart = rangeStart;
            authorEnd = rangeEnd;
            break;
          case DOWNLOADS:
          case DOWNLOADS_ALL_TIME:
          case LIKES:
            i = readNumber(b, i);
            counted[code - DOWNLOADS] = numberRead;
            counters[code - DOWNLOADS] = number;
            break;
          case CREATED_AT:
            i = readString(b, i, false);
            f.createdAt = string == null ? null : IsoInstants.parse(string);
            break;
          case PIPELINE_TAG:
            i = readString(b, i, true);
            f.pipelineTag = string;
            break;
          case LIBRARY_NAME:
            i = readString(b, i, true);
            f.libraryName = string;
            break;
          case TAGS:
            i = readTags(b, i);
            break;
          case CARD_DATA:
            i = readCard(b, i);
            break;
          case BASE_MODELS:
            return FAIL; // expanded base models: Jackson reads them
          default:
            i = skip(b, i, 0);
        }
        if (i == FAIL) return FAIL;
        i = ws(b, i);
        if (b[i] == ',') {
          i = ws(b, i + 1);
        } else if (b[i] == '}') {
          i++;
          break;
        } else {
          return FAIL;
        }
      }
    }
    return finish(b, f) ? i : FAIL;
  }

  /** Completes {@code f} from the line's fields; {@code false} where Jackson's reading fails. */
  private boolean finish(byte[] b, StoredFields f) {
    if (idPresent && idStart == idEnd) return false; // an empty id
    int s = idStart;
    int e = idEnd;
    if (s < 0) {
      if (modelIdStart < 0) return false; // no id
      s = modelIdStart;
      e = modelIdEnd;
    }
    f.asciiId(b, s, e - s);
    f.idHash = RepoIdHash.quickAscii(b, s, e - s);
    int as = authorStart;
    int ae = authorEnd;
    if (as < 0) {
      as = s;
      ae = s;
      while (ae < e && b[ae] != '/') ae++;
      if (ae == e) as = -1; // a bare legacy id: no account
    }
    if (as < 0) {
      f.account = null;
      f.accountRef = -1;
    } else {
      int ref = accounts.refOf(b, as, ae - as);
      f.accountRef = ref;
      f.account = ref >= 0 ? accounts.get(ref) : ascii(b, as, ae);
    }
    f.downloads = counted[0] ? counters[0] : null;
    f.downloadsAllTime = counted[1] ? counters[1] : null;
    f.likes = counted[2] ? counters[2] : null;
    f.bases = request.bases
        ? BaseModelLinks.resolve(f.id(), tags, null, null, cardBases, cardRelation, f.libraryName)
        : List.of();
    if (!request.libraryName) f.libraryName = null;
    return true;
  }

  private int rangeStart;
  private int rangeEnd;
  private int nameEnd;

  /**
   * A string value as {@link JsonValues#nonBlankString} reads it, as a range of bytes ({@link #rangeStart} -1 for
   * none); returns the index past the value.
   */
  private int readStringRange(byte[] b, int i) {
    rangeStart = -1;
    if (b[i] != '"') return skip(b, i, 0);
    int e = stringEnd(b, i + 1);
    if (e == FAIL || e - i > MAX_READ) return FAIL;
    int s = trimStart(b, i + 1, e);
    int t = trimEnd(b, s, e);
    if (s < t) {
      rangeStart = s;
      rangeEnd = t;
    }
    return e + 1;
  }

  /** A string value into {@link #string}, trimmed and non-blank ({@link JsonValues#nonBlankString}) or as is. */
  private int readString(byte[] b, int i, boolean nonBlank) {
    string = null;
    if (b[i] != '"') return skip(b, i, 0);
    int e = stringEnd(b, i + 1);
    if (e == FAIL || e - i > MAX_READ) return FAIL;
    int s = i + 1;
    int t = e;
    if (nonBlank) {
      s = trimStart(b, s, e);
      t = trimEnd(b, s, e);
      if (s == t) return e + 1;
    }
    string = new String(b, s, t - s, StandardCharsets.ISO_8859_1);
    return e + 1;
  }

  /**
   * A counter as {@link JsonValues#wholeNumber} reads it, into {@link #number} and {@link #numberRead}: an integer
   * of at most 18 digits here; a fraction, an exponent or a longer integer goes to Jackson.
   */
  private int readNumber(byte[] b, int i) {
    numberRead = false;
    int c = b[i];
    if (c != '-' && (c < '0' || c > '9')) return skip(b, i, 0);
    int j = c == '-' ? i + 1 : i;
    int digits = j;
    long v = 0;
    for (c = b[j]; c >= '0' && c <= '9'; c = b[++j]) v = v * 10 + (c - '0');
    int n = j - digits;
    if (n == 0 || n > 18 || n > 1 && b[digits] == '0') return FAIL;
    if (c == '.' || c == 'e' || c == 'E') return FAIL;
    number = b[i] == '-' ? -v : v;
    numberRead = true;
    return j;
  }

  /** {@code tags}, keeping the strings that name base models, as {@code StoredFieldReader} keeps them. */
  private int readTags(byte[] b, int i) {
    i = readStrings(b, i, BASE_MODEL_TAG, 0);
    tags = strings;
    return i;
  }

  /** {@code cardData}: its {@code base_model} (one string or strings) and {@code base_model_relation}. */
  private int readCard(byte[] b, int i) {
    if (b[i] != '{') return skip(b, i, 0);
    i = ws(b, i + 1);
    if (b[i] == '}') return i + 1;
    while (true) {
      int ks = i + 1;
      i = member(b, i);
      if (i == FAIL) return FAIL;
      int ke = nameEnd;
      if (is(b, ks, ke - ks, BASE_MODEL)) {
        i = readStrings(b, i, null, 1);
        cardBases = strings;
      } else if (is(b, ks, ke - ks, BASE_MODEL_RELATION)) {
        i = readString(b, i, true);
        cardRelation = string;
      } else {
        i = skip(b, i, 1);
      }
      if (i == FAIL) return FAIL;
      i = ws(b, i);
      if (b[i] == '}') return i + 1;
      if (b[i] != ',') return FAIL;
      i = ws(b, i + 1);
    }
  }

  /**
   * The strings of an array (other elements stepped over), or a lone string, into {@link #strings}, as
   * {@link JsonValues#strings} reads them; only those that start with {@code prefix} when there is one.
   */
  private int readStrings(byte[] b, int i, byte @Nullable [] prefix, int depth) {
    strings = List.of();
    if (b[i] == '"') {
      int e = stringEnd(b, i + 1);
      if (e == FAIL || e - i > MAX_READ) return FAIL;
      if (prefix == null || startsWith(b, i + 1, e, prefix)) strings = List.of(ascii(b, i + 1, e));
      return e + 1;
    }
    if (b[i] != '[') return skip(b, i, depth);
    i = ws(b, i + 1);
    if (b[i] == ']') return i + 1;
    List<String> out = new ArrayList<>(4);
    while (true) {
      if (b[i] == '"') {
        int e = stringEnd(b, i + 1);
        if (e == FAIL || e - i > MAX_READ) return FAIL;
        if (prefix == null || startsWith(b, i + 1, e, prefix)) out.add(ascii(b, i + 1, e));
        i = e + 1;
      } else {
        i = skip(b, i, depth + 1);
        if (i == FAIL) return FAIL;
      }
      i = ws(b, i);
      if (b[i] == ']') break;
      if (b[i] != ',') return FAIL;
      i = ws(b, i + 1);
    }
    strings = out;
    return i + 1;
  }

  /**
   * The index of the value of the object member whose name's quote is at {@code i}: past the name, the colon and
   * white space; the name ends (its closing quote) at {@link #nameEnd}. {@link #FAIL} if that is not what is there.
   */
  private int member(byte[] b, int i) {
    if (b[i] != '"') return FAIL;
    int e = stringEnd(b, i + 1);
    if (e == FAIL) return FAIL;
    nameEnd = e;
    i = ws(b, e + 1);
    return b[i] == ':' ? ws(b, i + 1) : FAIL;
  }

  /** Steps over one JSON value at {@code i}, checking its syntax; returns the index past it, or {@link #FAIL}. */
  private int skip(byte[] b, int i, int depth) {
    switch (b[i]) {
      case '"': {
        int e = skipString(b, i + 1);
        return e == FAIL ? FAIL : e + 1;
      }
      case '{': return skipObject(b, i, depth + 1);
      case '[': return skipArray(b, i, depth + 1);
      case 't': return literal(b, i, TRUE);
      case 'f': return literal(b, i, FALSE);
      case 'n': return literal(b, i, NULL);
      default: return skipNumber(b, i);
    }
  }

  private int skipObject(byte[] b, int i, int depth) {
    if (depth > MAX_DEPTH) return FAIL;
    i = ws(b, i + 1);
    if (b[i] == '}') return i + 1;
    while (true) {
      i = member(b, i);
      if (i == FAIL) return FAIL;
      i = skip(b, i, depth);
      if (i == FAIL) return FAIL;
      i = ws(b, i);
      if (b[i] == '}') return i + 1;
      if (b[i] != ',') return FAIL;
      i = ws(b, i + 1);
    }
  }

  private int skipArray(byte[] b, int i, int depth) {
    if (depth > MAX_DEPTH) return FAIL;
    i = ws(b, i + 1);
    if (b[i] == ']') return i + 1;
    while (true) {
      i = skip(b, i, depth);
      if (i == FAIL) return FAIL;
      i = ws(b, i);
      if (b[i] == ']') return i + 1;
      if (b[i] != ',') return FAIL;
      i = ws(b, i + 1);
    }
  }

  /** A number as JSON writes it (no leading zeros, digits after a point and in an exponent), at most 100 bytes. */
  private static int skipNumber(byte[] b, int i) {
    int j = i;
    if (b[j] == '-') j++;
    if (b[j] == '0') {
      j++;
    } else if (digit(b[j])) {
      while (digit(b[j])) j++;
    } else {
      return FAIL;
    }
    if (b[j] == '.') {
      if (!digit(b[++j])) return FAIL;
      while (digit(b[j])) j++;
    }
    if (b[j] == 'e' || b[j] == 'E') {
      j++;
      if (b[j] == '+' || b[j] == '-') j++;
      if (!digit(b[j])) return FAIL;
      while (digit(b[j])) j++;
    }
    return j - i > 100 ? FAIL : j;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static int literal(byte[] b, int i, byte[] word) {
    for (int k = 0; k < word.length; k++) {
      if (b[i + k] != word[k]) return FAIL;
    }
    return i + word.length;
  }

  /** The code of the field named by {@code b[s, s + len)}: one of {@link #NAMES}, else {@link #OTHER}. */
  private static int field(byte[] b, int s, int len) {
    if (len > 16) return OTHER;
    Name[] candidates = BY_LENGTH[len];
    if (candidates == null) return OTHER;
    long w0 = (long) LONGS.get(b, s);
    long w1 = len > 8 ? (long) LONGS.get(b, s + 8) : 0;
    for (Name n : candidates) {
      if ((w0 & n.mask0) == n.word0 && (w1 & n.mask1) == n.word1) return n.code;
    }
    return OTHER;
  }

  /** A field name as two little-endian words and the masks of its bytes in them. */
  private static final class Name {
    final int length;
    final int code;
    final long word0;
    final long word1;
    final long mask0;
    final long mask1;

    Name(String name, int code) {
      byte[] n = bytes(name);
      byte[] padded = Arrays.copyOf(n, 16);
      length = n.length;
      this.code = code;
      mask0 = length >= 8 ? -1L : (1L << (8 * length)) - 1;
      mask1 = length <= 8 ? 0 : length == 16 ? -1L : (1L << (8 * (length - 8))) - 1;
      word0 = (long) LONGS.get(padded, 0) & mask0;
      word1 = (long) LONGS.get(padded, 8) & mask1;
    }
  }

  private static Name[][] byLength() {
    Name[][] out = new Name[17][];
    for (Name n : NAMES) {
      Name[] was = out[n.length];
      out[n.length] = was == null ? new Name[] {n} : Arrays.copyOf(was, was.length + 1);
      out[n.length][out[n.length].length - 1] = n;
    }
    return out;
  }

  /**
   * The index of the quote that closes the string whose characters start at {@code i}, or {@link #FAIL} at an
   * escape, a control character (a line end, the sentinel included) or a non-ASCII byte. Eight bytes at a time:
   * {@link #special} finds the first byte that is one of these or a quote.
   */
  static int stringEnd(byte[] b, int i) {
    while (true) {
      long m = special((long) LONGS.get(b, i));
      if (m != 0) {
        i += Long.numberOfTrailingZeros(m) >>> 3;
        return b[i] == '"' ? i : FAIL;
      }
      i += 8;
    }
  }

  /**
   * The index of the quote that closes a string value the reader does not read, whose characters start at
   * {@code i}: as {@link #stringEnd}, but escapes and UTF-8 sequences are stepped over, checked at least as strictly
   * as Jackson checks a string it skips. {@link #FAIL} at anything else.
   */
  private static int skipString(byte[] b, int i) {
    while (true) {
      long m = special((long) LONGS.get(b, i));
      if (m == 0) {
        i += 8;
        continue;
      }
      i += Long.numberOfTrailingZeros(m) >>> 3;
      int c = b[i] & 0xff;
      if (c == '"') return i;
      if (c == '\\') {
        i = escape(b, i);
      } else if (c >= 0x80) {
        i = utf8(b, i);
      } else {
        return FAIL; // a control character: the line's end, or one JSON wants escaped
      }
      if (i == FAIL) return FAIL;
    }
  }

  /** Past the escape at {@code i} ({@code \"}, {@code \n}, {@code \u00e9}…), or {@link #FAIL}. */
  private static int escape(byte[] b, int i) {
    switch (b[i + 1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return i + 2;
      case 'u':
        for (int k = i + 2; k < i + 6; k++) {
          if (Character.digit(b[k], 16) < 0) return FAIL;
        }
        return i + 6;
      default:
        return FAIL;
    }
  }

  /**
   * Past the UTF-8 sequence that starts at {@code i}: a lead byte of a two-, three- or four-byte character and its
   * continuation bytes; {@link #FAIL} for a stray byte. Stricter than Jackson (no overlong leads), never laxer.
   */
  private static int utf8(byte[] b, int i) {
    int lead = b[i] & 0xff;
    int n = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    if (n == 0) return FAIL;
    for (int k = i + 1; k <= i + n; k++) {
      if ((b[k] & 0xC0) != 0x80) return FAIL;
    }
    return i + n + 1;
  }

  /**
   * The high bit of each byte of {@code x} (little-endian) that is a quote, a backslash, below 0x20 or above 0x7f,
   * exact up to the first such byte: the lowest bit set marks it (a borrow only runs upwards from a byte that is
   * marked itself).
   */
  static long special(long x) {
    long q = x ^ 0x2222222222222222L;
    long s = x ^ 0x5C5C5C5C5C5C5C5CL;
    long quote = (q - 0x0101010101010101L) & ~q;
    long backslash = (s - 0x0101010101010101L) & ~s;
    long control = (x - 0x2020202020202020L) & ~x;
    return (quote | backslash | control | x) & 0x8080808080808080L;
  }

  /** JSON's white space within a line: space, tab, carriage return. */
  private static int ws(byte[] b, int i) {
    while (true) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') return i;
      i++;
    }
  }

  private static int trimStart(byte[] b, int s, int e) {
    while (s < e && b[s] == ' ') s++;
    return s;
  }

  private static int trimEnd(byte[] b, int s, int e) {
    while (e > s && b[e - 1] == ' ') e--;
    return e;
  }

  private static boolean is(byte[] b, int s, int len, byte[] key) {
    return len == key.length && Arrays.equals(b, s, s + len, key, 0, len);
  }

  private static boolean startsWith(byte[] b, int s, int e, byte[] prefix) {
    return e - s >= prefix.length && Arrays.equals(b, s, s + prefix.length, prefix, 0, prefix.length);
  }

  private static String ascii(byte[] b, int s, int e) {
    return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The index of the line end from {@link #pos}, reading more data (and moving the line) until it is in the buffer. */
  private int lineEnd() throws IOException {
    int from = pos;
    while (true) {
      int nl = from;
      while (buf[nl] != '\n') nl++;
      if (nl < end || eof) return nl;
      from = end - pos;
      fill();
    }
  }

  /**
   * Moves the unread data to the start of the buffer and reads more after it, growing the buffer for a line longer
   * than it, up to {@link #MAX_LINE}.
   */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, end - pos);
      end -= pos;
      pos = 0;
    }
    int capacity = buf.length - PAD;
    if (end == capacity) {
      if (capacity >= MAX_LINE) throw new WireFormatException("line " + (line + 1) + " is longer than 32 MiB");
      buf = Arrays.copyOf(buf, Math.min(capacity * 2, MAX_LINE) + PAD);
      capacity = buf.length - PAD;
    }
    // Half a buffer at least, so that few lines straddle two reads.
    int want = Math.min(capacity, end + (capacity >> 1));
    while (end < want) {
      int r = in.read(buf, end, capacity - end);
      if (r < 0) {
        eof = true;
        break;
      }
      end += r;
    }
    buf[end] = '\n';
  }

  /** The lines read so far that the scanner handed to Jackson. */
  long jacksonLines() {
    return jacksonLines;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * The distinct ASCII spellings met, each made a string once and numbered from 0 in the order met; up to 65,536 of
   * them (then no number, and a new string each time).
   */
  static final class AsciiStrings {
    private static final int MAX = 1 << 16;
    private final List<String> strings = new ArrayList<>();
    /** Number + 1 per slot, 0 for a free one; at most half full. */
    private int[] slots = new int[1 << 10];
    private long[] hashes = new long[1 << 9];

    /** The number of the spelling {@code b[s, s + len)}, or -1 past the first 65,536. */
    int refOf(byte[] b, int s, int len) {
      long h = RepoIdHash.quickAscii(b, s, len);
      int mask = slots.length - 1;
      for (int k = (int) h & mask; ; k = (k + 1) & mask) {
        int ref = slots[k] - 1;
        if (ref < 0) {
          int n = strings.size();
          if (n == MAX) return -1;
          strings.add(new String(b, s, len, StandardCharsets.ISO_8859_1));
          if (n == hashes.length) hashes = Arrays.copyOf(hashes, n * 2);
          hashes[n] = h;
          slots[k] = n + 1;
          if ((n + 1) * 2 > slots.length) grow();
          return n;
        }
        if (hashes[ref] == h && same(strings.get(ref), b, s, len)) return ref;
      }
    }

    String get(int ref) {
      return strings.get(ref);
    }

    private static boolean same(String t, byte[] b, int s, int len) {
      if (t.length() != len) return false;
      for (int k = 0; k < len; k++) {
        if (t.charAt(k) != b[s + k]) return false;
      }
      return true;
    }

    private void grow() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int ref = 0; ref < strings.size(); ref++) {
        int k = (int) hashes[ref] & mask;
        while (slots[k] != 0) k = (k + 1) & mask;
        slots[k] = ref + 1;
      }
    }
  }
}
