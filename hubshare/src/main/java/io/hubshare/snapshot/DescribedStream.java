package io.hubshare.snapshot;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collector;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A stream that says what it will read when printed. A lazy stream prints as its class and identity
 * ({@code java.util.stream.ReferencePipeline$3@1b6d3586}), which tells a JShell user nothing; this one prints what it
 * streams and that nothing is read until a terminal operation runs. Every operation is the wrapped stream's.
 */
final class DescribedStream<T> implements Stream<T> {
  private final Stream<T> stream;
  private final String description;

  private DescribedStream(Stream<T> stream, String description) {
    this.stream = stream;
    this.description = description;
  }

  static <T> Stream<T> of(Stream<T> stream, String description) {
    return new DescribedStream<>(stream, description);
  }

  @Override
  public String toString() {
    return description + " (a stream: nothing is read until count(), toList(), forEach(...) or another terminal "
        + "operation)";
  }

  @Override public Stream<T> filter(Predicate<? super T> p) { return stream.filter(p); }
  @Override public <R> Stream<R> map(Function<? super T, ? extends R> f) { return stream.map(f); }
  @Override public IntStream mapToInt(ToIntFunction<? super T> f) { return stream.mapToInt(f); }
  @Override public LongStream mapToLong(ToLongFunction<? super T> f) { return stream.mapToLong(f); }
  @Override public DoubleStream mapToDouble(ToDoubleFunction<? super T> f) { return stream.mapToDouble(f); }
  @Override public <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> f) {
    return stream.flatMap(f);
  }
  @Override public IntStream flatMapToInt(Function<? super T, ? extends IntStream> f) {
    return stream.flatMapToInt(f);
  }
  @Override public LongStream flatMapToLong(Function<? super T, ? extends LongStream> f) {
    return stream.flatMapToLong(f);
  }
  @Override public DoubleStream flatMapToDouble(Function<? super T, ? extends DoubleStream> f) {
    return stream.flatMapToDouble(f);
  }
  @Override public Stream<T> distinct() { return stream.distinct(); }
  @Override public Stream<T> sorted() { return stream.sorted(); }
  @Override public Stream<T> sorted(Comparator<? super T> c) { return stream.sorted(c); }
  @Override public Stream<T> peek(Consumer<? super T> action) { return stream.peek(action); }
  @Override public Stream<T> limit(long maxSize) { return stream.limit(maxSize); }
  @Override public Stream<T> skip(long n) { return stream.skip(n); }
  @Override public Stream<T> takeWhile(Predicate<? super T> p) { return stream.takeWhile(p); }
  @Override public Stream<T> dropWhile(Predicate<? super T> p) { return stream.dropWhile(p); }
  @Override public void forEach(Consumer<? super T> action) { stream.forEach(action); }
  @Override public void forEachOrdered(Consumer<? super T> action) { stream.forEachOrdered(action); }
  @Override public Object[] toArray() { return stream.toArray(); }
  @Override public <A> A[] toArray(IntFunction<A[]> generator) { return stream.toArray(generator); }
  @Override public T reduce(T identity, BinaryOperator<T> op) { return stream.reduce(identity, op); }
  @Override public Optional<T> reduce(BinaryOperator<T> op) { return stream.reduce(op); }
  @Override public <U> U reduce(U identity, BiFunction<U, ? super T, U> acc, BinaryOperator<U> combiner) {
    return stream.reduce(identity, acc, combiner);
  }
  @Override public <R> R collect(Supplier<R> supplier, BiConsumer<R, ? super T> acc, BiConsumer<R, R> combiner) {
    return stream.collect(supplier, acc, combiner);
  }
  @Override public <R, A> R collect(Collector<? super T, A, R> collector) { return stream.collect(collector); }
  @Override public java.util.List<T> toList() { return stream.toList(); }
  @Override public Optional<T> min(Comparator<? super T> c) { return stream.min(c); }
  @Override public Optional<T> max(Comparator<? super T> c) { return stream.max(c); }
  @Override public long count() { return stream.count(); }
  @Override public boolean anyMatch(Predicate<? super T> p) { return stream.anyMatch(p); }
  @Override public boolean allMatch(Predicate<? super T> p) { return stream.allMatch(p); }
  @Override public boolean noneMatch(Predicate<? super T> p) { return stream.noneMatch(p); }
  @Override public Optional<T> findFirst() { return stream.findFirst(); }
  @Override public Optional<T> findAny() { return stream.findAny(); }
  @Override public Iterator<T> iterator() { return stream.iterator(); }
  @Override public Spliterator<T> spliterator() { return stream.spliterator(); }
  @Override public boolean isParallel() { return stream.isParallel(); }
  @Override public Stream<T> sequential() { return stream.sequential(); }
  @Override public Stream<T> parallel() { return stream.parallel(); }
  @Override public Stream<T> unordered() { return stream.unordered(); }
  @Override public Stream<T> onClose(Runnable closeHandler) { return stream.onClose(closeHandler); }
  @Override public void close() { stream.close(); }
}
