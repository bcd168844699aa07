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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!allWaiting(threads) && System.nanoTime() < deadline) Thread.sleep(5);
    assertThat(allWaiting(threads)).as("all lookups started and waiting").isTrue();
    assertThat(transport.requests()).hasSize(1);
    transport.open();
    List<T> out = new ArrayList<>();
    for (Future<T> f : results) out.add(f.get(10, TimeUnit.SECONDS));
    return out;
  }

  private static boolean allWaiting(List<Thread> threads) {
    synchronized (threads) {
      return threads.size() == THREADS && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
          || t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.BLOCKED);
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
