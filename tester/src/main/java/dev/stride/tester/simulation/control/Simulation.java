package dev.stride.tester.simulation.control;

import dev.stride.tester.measurement.control.Progress;
import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sessions.control.SessionsCsv;
import dev.stride.tester.sessions.entity.Recording;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.statistics.control.ExpectedStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends the sessions of a plan: one thread generates them user by user and packs them into
 * requests, each of one user's sessions, {@code concurrency} workers send the requests, one session
 * per POST when the batch size is 1, a batch otherwise. Whatever the service accepted is counted
 * into the expected statistics of its user. A 4xx answer is recorded and the run goes on; a service
 * that stays unreachable or failing after retries stops the run.
 */
public final class Simulation {

  private static final List<Session> NO_MORE_WORK = Collections.emptyList();

  private final SessionGenerator generator;
  private final SessionsClient sessions;
  private final SessionsCsv sent;
  private final int concurrency;
  private final int batchSize;
  private final Progress progress;
  private final Map<String, ExpectedStatistics> expected = new LinkedHashMap<>();
  private final LongAdder created = new LongAdder();
  private final LongAdder existing = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final AtomicReference<String> firstRejection = new AtomicReference<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  public Simulation(
      SessionGenerator generator,
      SessionsClient sessions,
      SessionsCsv sent,
      int concurrency,
      int batchSize) {
    this.generator = generator;
    this.sessions = sessions;
    this.sent = sent;
    this.concurrency = concurrency;
    this.batchSize = batchSize;
    this.progress = new Progress(generator.plan().sessions());
    for (var userId : generator.plan().userIds()) {
      expected.put(userId, new ExpectedStatistics(userId));
    }
  }

  public Progress progress() {
    return progress;
  }

  /** What a finished simulation sent and how the service took it. */
  public record Outcome(
      long sent,
      long created,
      long existing,
      long rejected,
      String firstRejection,
      List<ExpectedStatistics> expected,
      RuntimeException failure,
      Duration elapsed) {}

  public Outcome run() throws InterruptedException {
    BlockingQueue<List<Session>> requests = new ArrayBlockingQueue<>(concurrency * 2);
    var workers = new ArrayList<Thread>();
    for (int i = 0; i < concurrency; i++) {
      var worker = new Thread(() -> work(requests), "sender-" + i);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
    try {
      generate(requests);
    } finally {
      for (int i = 0; i < concurrency; i++) {
        requests.put(NO_MORE_WORK);
      }
      for (var worker : workers) {
        worker.join();
      }
    }
    return new Outcome(
        progress.done(),
        created.sum(),
        existing.sum(),
        rejected.sum(),
        firstRejection.get(),
        List.copyOf(expected.values()),
        failure.get(),
        progress.elapsed());
  }

  /**
   * Packs each user's sessions into requests of their own: a request is sent with its user's token
   * when the run has one per user, and such a token may send that user's sessions only.
   */
  private void generate(BlockingQueue<List<Session>> requests) throws InterruptedException {
    for (int user = 0; user < generator.plan().users() && failure.get() == null; user++) {
      var request = new ArrayList<Session>(batchSize);
      for (var session : generator.sessionsOf(user)) {
        request.add(session);
        if (request.size() == batchSize) {
          requests.put(request);
          request = new ArrayList<>(batchSize);
        }
      }
      if (!request.isEmpty()) {
        requests.put(request);
      }
    }
  }

  private void work(BlockingQueue<List<Session>> requests) {
    try {
      for (var request = requests.take(); request != NO_MORE_WORK; request = requests.take()) {
        if (failure.get() == null) {
          send(request);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(List<Session> request) {
    try {
      Recording recording =
          batchSize == 1 ? sessions.record(request.get(0)) : sessions.recordBatch(request);
      if (recording.stored()) {
        created.add(recording.created());
        existing.add(recording.existing());
        for (var session : request) {
          expected.get(session.userId()).record(session);
        }
      } else {
        rejected.add(request.size());
        firstRejection.compareAndSet(
            null, recording.status() + " " + recording.problem().summary());
      }
      sent.writeSent(request, recording.status());
      progress.advance(request.size());
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }
}
