package io.hubshare;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Account;
import io.hubshare.domain.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Identical lookups at the same time share one request: the first one's, the others wait for it. */
class ConcurrentLookupTest {
  private static final int THREADS = 8;
  private final FakeTransport transport = new FakeTransport().hold();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() {
    transport.open();
    pool.shutdownNow();
  }

  private HubClient client() {
    return HubClient.builder().environment(Map.of()).transportFactory(transport.factory()).build();
  }

  /** Starts the lookups, waits until every thread is blocked (one in the transport, the others in the cache). */
  private <T> List<T> concurrently(Supplier<T> lookup) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Future<T>> results = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      results.add(pool.submit(() -> {
        synchronized (threads) {
          threads.add(Thread.currentThread());
        }
        return lookup.get();
      }));
    }
    assertThat(awaitParked(threads, THREADS, THREADS)).as("all lookups started and waiting").isTrue();
    assertThat(transport.requests()).hasSize(1);
    transport.open();
    List<T> out = new ArrayList<>();
    for (Future<T> f : results) out.add(f.get(10, TimeUnit.SECONDS));
    return out;
  }

  /**
   * Waits until {@code count} threads have registered and at least {@code parked} of them are parked (waiting on a
   * lock, a future or a latch): no fixed pause, the condition itself, re-read whenever the scheduler runs this
   * thread, for at most 10 seconds. A thread reading a socket counts as running, hence {@code parked}.
   */
  static boolean awaitParked(List<Thread> threads, int count, int parked) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (parked(threads, count) >= parked) return true;
      Thread.yield();
    }
    return parked(threads, count) >= parked;
  }

  private static long parked(List<Thread> threads, int count) {
    synchronized (threads) {
      if (threads.size() < count) return -1;
      return threads.stream().filter(t -> t.getState() == Thread.State.WAITING
          || t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.BLOCKED).count();
    }
  }

  @Test
  void concurrentIdenticalModelLookupsMakeOneRequest() throws Exception {
    transport.answer("https://huggingface.co/api/models/openai-community/gpt2", Fixtures.gpt2Info());
    HubClient hub = client();
    List<Model> models = concurrently(() -> hub.models().get("openai-community/gpt2"));
    assertThat(models).hasSize(THREADS).allMatch(m -> m == models.get(0));
    assertThat(transport.requests()).hasSize(1);
    assertThat(hub.cacheStats().missCount() + hub.cacheStats().hitCount()).isEqualTo(THREADS);
  }

  @Test
  void concurrentIdenticalAccountLookupsMakeOneRequest() throws Exception {
    transport.answer("https://huggingface.co/api/organizations/deepseek-ai/overview", Fixtures.deepseekOverview());
    HubClient hub = client();
    List<Account> accounts = concurrently(() -> hub.accounts().get("deepseek-ai"));
    assertThat(accounts).allMatch(a -> a == accounts.get(0));
    assertThat(transport.requests()).hasSize(1);
  }
}
