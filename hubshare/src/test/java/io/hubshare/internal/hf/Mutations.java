package io.hubshare.internal.hf;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs for fuzzing: real bodies, damaged the ways transport and storage damage them and a hostile server damages
 * them on purpose (a cut, bytes flipped, a span repeated or dropped, junk inserted, deep nesting, huge numbers).
 * Starting from real bodies keeps the parser busy past the first byte.
 */
public final class Mutations {
  private Mutations() {}

  /** One of {@code seeds}, mutated zero to four times. */
  public static Arbitrary<String> of(List<String> seeds) {
    Arbitrary<String> seed = Arbitraries.of(seeds);
    return Combinators.combine(seed, Arbitraries.integers().between(0, 4), Arbitraries.longs())
        .as((s, times, salt) -> {
          java.util.Random random = new java.util.Random(salt);
          String t = s;
          for (int i = 0; i < times; i++) t = mutate(t, random);
          return t;
        });
  }

  private static final String[] JUNK = {"\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\\ud800", "null", "-",
      "1e999999", "99999999999999999999999", "-9223372036854775809", "\u0000", "\u001b[2J", "\uFFFF", "\ud83d",
      "\"id\":", "\"id\":\"a/b\"", "true", "NaN", "{\"$ref\":1}", "\n", "\u2028"};

  static String mutate(String s, java.util.Random r) {
    if (s.isEmpty()) return JUNK[r.nextInt(JUNK.length)];
    int a = r.nextInt(s.length() + 1);
    int b = Math.min(s.length(), a + r.nextInt(64));
    switch (r.nextInt(7)) {
      case 0: return s.substring(0, a); // cut short
      case 1: return s.substring(0, a) + s.substring(b); // a span dropped
      case 2: return s.substring(0, a) + JUNK[r.nextInt(JUNK.length)] + s.substring(a); // junk inserted
      case 3: return s.substring(0, b) + s.substring(a, b) + s.substring(b); // a span repeated
      case 4: { // a character flipped
        if (a >= s.length()) return s;
        char[] c = s.toCharArray();
        c[a] = (char) (c[a] ^ (1 << r.nextInt(16)));
        return new String(c);
      }
      case 5: return "[".repeat(r.nextInt(3000)) + s; // deep nesting
      default: return s.substring(0, a) + "{\"x\":" + "9".repeat(r.nextInt(400) + 1) + "}" + s.substring(a);
    }
  }
}
