/**
 * A modular application using hubshare. It requires only io.hubshare: OkHttp's types reach it through
 * {@code requires transitive}, and JSpecify's annotations through {@code requires static transitive}.
 */
module example.jpms {
  requires io.hubshare;
}
