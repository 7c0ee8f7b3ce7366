package dev.stride.access.control;

import dev.stride.access.entity.Caller;
import dev.stride.access.entity.Scope;
import dev.stride.access.entity.Secret;
import dev.stride.access.entity.Token;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The tokens table: a request's secret found by its hash, tokens created, listed and deleted. A
 * token found is remembered ({@link KnownTokens}), so most requests read nothing here; a DELETE is
 * answered only once every backend has forgotten what it knew ({@link RevocationWatch}), so a
 * revoked token is refused by every backend from the moment its DELETE is answered.
 */
@ApplicationScoped
public class TokenStore {
  /** The user the bootstrap token (STRIDE_ADMIN_TOKEN, ./stride run's first token) belongs to. */
  public static final String BOOTSTRAP_USER = "admin";

  public static final String BOOTSTRAP_NAME =
      "admin token of the installation (STRIDE_ADMIN_TOKEN)";

  private static final String COLUMNS =
      "id, user_id, name, scopes, created_at, expires_at, last_used_at";

  private static final String AUTHENTICATE =
      "SELECT id, user_id, scopes, expires_at FROM tokens WHERE secret_hash = ?"
          + " AND (expires_at IS NULL OR expires_at > now())";

  private static final String INSERT =
      "INSERT INTO tokens (id, secret_hash, user_id, name, scopes, expires_at)"
          + " VALUES (?, ?, ?, ?, ?::text[], ?) RETURNING "
          + COLUMNS;

  private static final String LIST =
      "SELECT " + COLUMNS + " FROM tokens WHERE user_id = ? ORDER BY created_at DESC, id";

  private static final String DELETE = "DELETE FROM tokens WHERE id = ? AND user_id = ?";

  private static final String DELETE_ANY = "DELETE FROM tokens WHERE id = ?";

  /**
   * The bootstrap token: one row, whose secret is replaced when the configured one changes (that is
   * how it is rotated), so the previous secret stops working at once.
   */
  private static final String BOOTSTRAP =
      "INSERT INTO tokens (id, secret_hash, user_id, name, scopes, bootstrap)"
          + " VALUES (?, ?, ?, ?, ARRAY['admin'], true)"
          + " ON CONFLICT (bootstrap) WHERE bootstrap"
          + " DO UPDATE SET secret_hash = excluded.secret_hash, scopes = excluded.scopes"
          + " WHERE tokens.secret_hash <> excluded.secret_hash";

  @Inject DataSource dataSource;

  @Inject KnownTokens known;
  @Inject RevocationWatch revocations;

  /** A new token and its secret, shown once. */
  public record Created(Token token, String secret) {}

  /** Who holds this secret, if it is a token that exists and has not expired. */
  public Optional<Caller> authenticate(String secret) {
    byte[] hash = Secret.hash(secret);
    Optional<KnownTokens.Known> remembered = known.find(hash);
    if (remembered.isPresent()) {
      return Optional.of(remembered.get().caller());
    }
    long generation = known.generation();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement find = connection.prepareStatement(AUTHENTICATE)) {
      find.setBytes(1, hash);
      try (ResultSet row = find.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        var token =
            new KnownTokens.Known(
                new Caller(row.getObject(1, UUID.class), row.getString(2), scopes(row.getArray(3))),
                instant(row.getObject(4, OffsetDateTime.class)));
        known.remember(hash, token, generation);
        return Optional.of(token.caller());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("checking a token failed", e);
    }
  }

  public Created create(String userId, String name, Set<Scope> scopes, Instant expiresAt) {
    String secret = Secret.generate();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setObject(1, UUID.randomUUID());
      insert.setBytes(2, Secret.hash(secret));
      insert.setString(3, userId);
      insert.setString(4, name);
      insert.setString(5, textArray(scopes));
      insert.setTimestamp(6, expiresAt == null ? null : Timestamp.from(expiresAt));
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return new Created(token(row), secret);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("creating a token failed", e);
    }
  }

  /** The user's tokens, newest first. */
  public List<Token> list(String userId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement list = connection.prepareStatement(LIST)) {
      list.setString(1, userId);
      try (ResultSet row = list.executeQuery()) {
        List<Token> tokens = new ArrayList<>();
        while (row.next()) {
          tokens.add(token(row));
        }
        return tokens;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("listing tokens failed", e);
    }
  }

  /**
   * Deletes a token the caller may manage, and returns once no backend accepts it any more; false
   * when there is none (or not one of its own).
   */
  public boolean delete(UUID id, Caller caller) {
    if (!deleteRow(id, caller)) {
      return false;
    }
    revocations.awaitEveryBackend();
    return true;
  }

  private boolean deleteRow(UUID id, Caller caller) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(caller.isAdmin() ? DELETE_ANY : DELETE)) {
      delete.setObject(1, id);
      if (!caller.isAdmin()) {
        delete.setString(2, caller.userId());
      }
      return delete.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("deleting a token failed", e);
    }
  }

  /** Makes {@code secret} the bootstrap admin token, replacing the previous one's secret. */
  public void bootstrap(String secret) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert = connection.prepareStatement(BOOTSTRAP)) {
      upsert.setObject(1, UUID.randomUUID());
      upsert.setBytes(2, Secret.hash(secret));
      upsert.setString(3, BOOTSTRAP_USER);
      upsert.setString(4, BOOTSTRAP_NAME);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("storing the admin token failed", e);
    }
  }

  private static Token token(ResultSet row) throws SQLException {
    return new Token(
        row.getObject(1, UUID.class),
        row.getString(2),
        row.getString(3),
        scopes(row.getArray(4)),
        row.getObject(5, OffsetDateTime.class).toInstant(),
        instant(row.getObject(6, OffsetDateTime.class)),
        instant(row.getObject(7, OffsetDateTime.class)));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static Set<Scope> scopes(Array array) throws SQLException {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (Object name : (Object[]) array.getArray()) {
      Scope.fromWireName((String) name).ifPresent(scopes::add);
    }
    return scopes;
  }

  /** A text[] literal of the scopes' names: they are fixed words, nothing needs quoting. */
  private static String textArray(Set<Scope> scopes) {
    StringBuilder literal = new StringBuilder("{");
    for (Scope scope : scopes) {
      literal.append(literal.length() > 1 ? "," : "").append(scope.wireName());
    }
    return literal.append('}').toString();
  }
}
