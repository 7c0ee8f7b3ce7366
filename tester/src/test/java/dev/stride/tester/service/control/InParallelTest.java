package dev.stride.tester.service.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InParallelTest {

  @Test
  void resultsComeInTheItemsOrder() {
    var items = List.of(5, 4, 3, 2, 1);
    assertThat(InParallel.map(items, item -> item * 10, 3)).containsExactly(50, 40, 30, 20, 10);
    assertThat(InParallel.map(List.<Integer>of(), item -> item, 3)).isEmpty();
  }

  @Test
  void theFirstFailureIsThrownAfterTheWorkUnderWayHasEnded() {
    var started = new CountDownLatch(1);
    var ended = new AtomicBoolean();
    var failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                InParallel.map(
                    List.of("fails", "waits"),
                    item -> {
                      if (item.equals("waits")) {
                        started.countDown();
                        try {
                          new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                          ended.set(true);
                        }
                        return item;
                      }
                      awaitQuietly(started);
                      throw failure;
                    },
                    2))
        .isSameAs(failure);
    assertThat(ended).isTrue();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
