package io.hubshare.internal.modelscope;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the session token from ModelScope's credentials file, {@code ~/.modelscope/credentials/cookies}: a Python
 * pickle of a {@code RequestsCookieJar} in which the cookie {@code m_session_id} holds the API token (modelscope_hub
 * {@code config.py save_token}, modelscope {@code ModelScopeConfig.save_cookies}).
 *
 * <p>This never runs the pickle. It interprets only the opcodes that build inert data (strings, numbers, booleans,
 * {@code None}, tuples, lists, dicts, the memo) and represents every class reference and object construction as
 * plain data; any other opcode ends the reading with no token. Then it looks for an object whose state names
 * {@code m_session_id} and carries a string {@code value}, and drops it once its {@code expires} has passed, as the
 * SDKs do.
 */
final class PickledCookies {
  /** The largest file read: a jar of a few cookies is about a kilobyte. */
  static final int MAX_BYTES = 1 << 20;
  private static final int MAX_DEPTH = 64;

  private PickledCookies() {}

  /** A Python object as inert data: its class name and the state {@code BUILD} gave it. */
  private record Obj(String className, List<Object> args, Map<Object, Object> state) {}

  /** The class reference of {@code GLOBAL} and {@code STACK_GLOBAL}. */
  private record Global(String module, String name) {}

  private static final Object MARK = new Object();
  private static final Object NONE = new Object();

  /**
   * The unexpired {@code m_session_id} value, or {@code null} when the bytes are not a pickle this understands, hold
   * no such cookie, or it has expired at {@code now}.
   */
  static @Nullable String sessionToken(byte[] pickle, Instant now) {
    if (pickle.length > MAX_BYTES) return null;
    Object root;
    try {
      root = new Machine(pickle).run();
    } catch (RuntimeException unreadable) {
      return null;
    }
    return find(root, now, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** Depth-first, each container once: the memo can make a pickle's graph cyclic or exponentially shared. */
  private static @Nullable String find(@Nullable Object node, Instant now, int depth, Set<Object> seen) {
    if (node == null || depth > MAX_DEPTH) return null;
    if (!(node instanceof Obj || node instanceof Map || node instanceof List) || !seen.add(node)) return null;
    if (node instanceof Obj o) {
      String token = sessionOf(o.state(), now);
      if (token != null) return token;
      String t = find(o.args(), now, depth + 1, seen);
      return t != null ? t : find(o.state(), now, depth + 1, seen);
    }
    Iterable<?> children = node instanceof Map<?, ?> m ? m.values() : (List<?>) node;
    for (Object v : children) {
      String t = find(v, now, depth + 1, seen);
      if (t != null) return t;
    }
    return null;
  }

  private static @Nullable String sessionOf(Map<Object, Object> state, Instant now) {
    if (!"m_session_id".equals(state.get("name")) || !(state.get("value") instanceof String value)) return null;
    Object expires = state.get("expires");
    if (expires instanceof Long seconds && !now.isBefore(Instant.ofEpochSecond(seconds))) return null;
    return value.isEmpty() ? null : value;
  }

  /** A stack machine for the data-building subset of pickle protocols 2 to 5. */
  private static final class Machine {
    private final ByteBuffer in;
    private final Deque<Object> stack = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    Machine(byte[] bytes) {
      this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    Object run() {
      while (true) {
        int op = in.get() & 0xff;
        switch (op) {
          case 0x80 -> in.get(); // PROTO n
          case 0x95 -> in.getLong(); // FRAME length: the frame's bytes follow inline
          case '.' -> { // STOP
            return pop();
          }
          case '(' -> stack.push(MARK);
          case 'N' -> stack.push(NONE);
          case 0x88 -> stack.push(Boolean.TRUE);
          case 0x89 -> stack.push(Boolean.FALSE);
          case 'K' -> stack.push((long) (in.get() & 0xff)); // BININT1
          case 'M' -> stack.push((long) (in.getShort() & 0xffff)); // BININT2
          case 'J' -> stack.push((long) in.getInt()); // BININT
          case 0x8a -> stack.push(long1(in.get() & 0xff)); // LONG1
          case 'G' -> stack.push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // BINFLOAT, big-endian
          case 0x8c -> stack.push(text(in.get() & 0xff)); // SHORT_BINUNICODE
          case 'X' -> stack.push(text(length(in.getInt() & 0xffffffffL))); // BINUNICODE
          case 0x8d -> stack.push(text(length(in.getLong()))); // BINUNICODE8
          case 'U' -> stack.push(text(in.get() & 0xff)); // SHORT_BINSTRING (protocol 2 str)
          case 'T' -> stack.push(text(length(in.getInt() & 0xffffffffL))); // BINSTRING
          case 'C' -> stack.push(bytes(in.get() & 0xff)); // SHORT_BINBYTES
          case 'B' -> stack.push(bytes(length(in.getInt() & 0xffffffffL))); // BINBYTES
          case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
          case 'q' -> memo.put((long) (in.get() & 0xff), peek()); // BINPUT
          case 'r' -> memo.put(in.getInt() & 0xffffffffL, peek()); // LONG_BINPUT
          case 'h' -> stack.push(memoAt(in.get() & 0xff)); // BINGET
          case 'j' -> stack.push(memoAt(in.getInt() & 0xffffffffL)); // LONG_BINGET
          case '}' -> stack.push(new LinkedHashMap<>()); // EMPTY_DICT
          case ']' -> stack.push(new ArrayList<>()); // EMPTY_LIST
          case ')' -> stack.push(List.of()); // EMPTY_TUPLE
          case 0x85 -> stack.push(List.of(pop())); // TUPLE1
          case 0x86 -> { // TUPLE2
            Object b = pop();
            stack.push(List.of(pop(), b));
          }
          case 0x87 -> { // TUPLE3
            Object c = pop();
            Object b = pop();
            stack.push(List.of(pop(), b, c));
          }
          case 't' -> stack.push(List.copyOf(popToMark())); // TUPLE
          case 'l' -> stack.push(new ArrayList<>(popToMark())); // LIST
          case 'd' -> stack.push(dictOf(popToMark())); // DICT
          case 's' -> { // SETITEM
            Object v = pop();
            Object k = pop();
            dict(peek()).put(k, v);
          }
          case 'u' -> { // SETITEMS
            List<Object> items = popToMark();
            dict(peek()).putAll(dictOf(items));
          }
          case 'a' -> { // APPEND
            Object v = pop();
            list(peek()).add(v);
          }
          case 'e' -> { // APPENDS
            List<Object> items = popToMark();
            list(peek()).addAll(items);
          }
          case 'c' -> stack.push(new Global(line(), line())); // GLOBAL module\nname\n
          case 0x93 -> { // STACK_GLOBAL
            Object name = pop();
            Object module = pop();
            stack.push(new Global((String) module, (String) name));
          }
          case 0x81 -> { // NEWOBJ cls args
            List<Object> args = tuple(pop());
            stack.push(new Obj(className(pop()), args, new LinkedHashMap<>()));
          }
          case 'R' -> { // REDUCE callable args: recorded, never called
            List<Object> args = tuple(pop());
            stack.push(new Obj(className(pop()), args, new LinkedHashMap<>()));
          }
          case 'b' -> { // BUILD obj state
            Object state = pop();
            Object target = peek();
            if (!(target instanceof Obj o)) throw new IllegalStateException("BUILD on a non-object");
            if (state instanceof Map<?, ?> m) {
              m.forEach((k, v) -> o.state().put(k, v));
            } else if (state instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Map<?, ?> m) {
              m.forEach((k, v) -> o.state().put(k, v)); // (state, slotstate)
            }
          }
          default -> throw new IllegalStateException("pickle opcode 0x" + Integer.toHexString(op) + " not read");
        }
      }
    }

    private Object pop() {
      Object o = stack.pop();
      if (o == MARK) throw new IllegalStateException("unexpected mark");
      return o == NONE ? NONE : o;
    }

    private Object peek() {
      Object o = stack.peek();
      if (o == null || o == MARK) throw new IllegalStateException("empty stack");
      return o;
    }

    private List<Object> popToMark() {
      List<Object> items = new ArrayList<>();
      while (true) {
        Object o = stack.pop();
        if (o == MARK) break;
        items.add(0, o);
      }
      return items;
    }

    private Object memoAt(long index) {
      Object o = memo.get(index);
      if (o == null) throw new IllegalStateException("memo " + index + " unset");
      return o;
    }

    private static Map<Object, Object> dictOf(List<Object> items) {
      if (items.size() % 2 != 0) throw new IllegalStateException("odd dict items");
      Map<Object, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < items.size(); i += 2) m.put(items.get(i), items.get(i + 1));
      return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) {
      if (o instanceof LinkedHashMap<?, ?> m) return (Map<Object, Object>) m;
      throw new IllegalStateException("not a dict");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
      if (o instanceof ArrayList<?> l) return (List<Object>) l;
      throw new IllegalStateException("not a list");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> tuple(Object o) {
      if (o instanceof List<?> l) return (List<Object>) l;
      throw new IllegalStateException("not a tuple");
    }

    private static String className(Object o) {
      if (o instanceof Global g) return g.module() + "." + g.name();
      if (o instanceof Obj obj) return obj.className();
      throw new IllegalStateException("not a class");
    }

    private int length(long n) {
      if (n < 0 || n > in.remaining()) throw new IllegalStateException("length past the end");
      return (int) n;
    }

    private byte[] bytes(int n) {
      byte[] b = new byte[length(n)];
      in.get(b);
      return b;
    }

    private String text(int n) {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes(n))).toString();
      } catch (CharacterCodingException e) {
        throw new IllegalStateException("not UTF-8");
      }
    }

    private String line() {
      StringBuilder b = new StringBuilder();
      while (true) {
        byte c = in.get();
        if (c == '\n') return b.toString();
        if (b.length() > 256) throw new IllegalStateException("line too long");
        b.append((char) (c & 0xff));
      }
    }

    private long long1(int n) {
      if (n > 8) throw new IllegalStateException("integer too large");
      long v = 0;
      for (int i = 0; i < n; i++) v |= (long) (in.get() & 0xff) << (8 * i);
      if (n > 0 && n < 8 && (v & (1L << (8 * n - 1))) != 0) v -= 1L << (8 * n); // sign
      return v;
    }
  }
}
