package dev.stride.tester.access.control;

import dev.stride.tester.access.entity.Bearer;
import dev.stride.tester.access.entity.NewToken;
import dev.stride.tester.access.entity.Secret;
import dev.stride.tester.access.entity.Token;
import dev.stride.tester.service.control.InParallel;
import dev.stride.tester.service.control.RequestRejectedException;
import dev.stride.tester.service.control.ServiceClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens a run mints with an admin token, one per user it sends as, so that Stride treats each
 * user's requests as that user's own app would send them and applies its per-user rules. They have
 * {@code read} and {@code write} only, are named {@code tester <run id> <user id>}, and are deleted
 * when the run ends, however it ends; in case that fails (the process killed, the service gone)
 * they expire after {@link #LIFETIME}. A user without a minted token is sent as with the given one.
 */
public final class UserTokens implements AutoCloseable {

  /** What a person's own app may do: read and write their sessions, nothing of others. */
  static final List<String> SCOPES = List.of("read", "write");

  /** Longer than any run; short enough that the tokens of a run that could not delete them go. */
  static final Duration LIFETIME = Duration.ofDays(7);

  private record Minted(String tokenId, ServiceClient service) {}

  private final ServiceClient given;
  private final TokensClient tokens;
  private final String runId;
  private final int concurrency;
  private final PrintWriter warnings;
  private final Map<String, Minted> minted = new ConcurrentHashMap<>();
  private Instant expiresAt;

  /**
   * @param given the client with the user's own token, which mints and deletes
   * @param warnings where a token that could not be deleted is told
   */
  public UserTokens(ServiceClient given, String runId, int concurrency, PrintWriter warnings) {
    this.given = given;
    this.tokens = new TokensClient(given.measuredApart());
    this.runId = runId;
    this.concurrency = concurrency;
    this.warnings = warnings;
  }

  /** Mints a token for each of these users, {@code concurrency} at a time. */
  public void mintFor(List<String> userIds) {
    expiresAt = Instant.now().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS);
    InParallel.map(userIds, this::mint, concurrency);
  }

  private String mint(String userId) {
    Token token = tokens.create(new NewToken(nameFor(userId), SCOPES, userId, expiresAt));
    var bearer =
        new Bearer(
            Secret.of(token.secret()),
            "the token minted for user " + userId + " was refused (401): deleted or expired?");
    minted.put(userId, new Minted(token.id(), given.with(bearer)));
    return token.id();
  }

  private String nameFor(String userId) {
    return "tester " + runId + " " + userId;
  }

  /** The client for a user's requests: with their minted token, else with the given one. */
  public ServiceClient serviceOf(String userId) {
    Minted token = userId == null ? null : minted.get(userId);
    return token == null ? given : token.service();
  }

  /** How many tokens the run holds. */
  public int count() {
    return minted.size();
  }

  /**
   * Deletes every token minted, each on its own, so that one that fails leaves the others to be
   * deleted; what could not be deleted is told in one line, without failing the run.
   */
  @Override
  public void close() {
    var ids = minted.values().stream().map(Minted::tokenId).toList();
    var failures =
        InParallel.map(ids, this::deleteQuietly, concurrency).stream()
            .filter(Objects::nonNull)
            .toList();
    if (!failures.isEmpty()) {
      warnings.println(
          "warning: "
              + failures.size()
              + " of the "
              + ids.size()
              + " tokens this run minted (named 'tester "
              + runId
              + " ...') were not deleted and expire at "
              + expiresAt
              + "; the first failure: "
              + failures.get(0));
      warnings.flush();
    }
  }

  /** Deletes a token; {@code null} when it is gone, else what went wrong. */
  private String deleteQuietly(String tokenId) {
    try {
      tokens.delete(tokenId);
      return null;
    } catch (RequestRejectedException e) {
      return e.status() == 404 ? null : e.getMessage();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }
}
