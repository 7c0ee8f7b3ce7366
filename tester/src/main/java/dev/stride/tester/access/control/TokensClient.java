package dev.stride.tester.access.control;

import dev.stride.tester.access.entity.Caller;
import dev.stride.tester.access.entity.NewToken;
import dev.stride.tester.access.entity.Token;
import dev.stride.tester.access.entity.TokenList;
import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.service.control.ServiceFailedException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.SyncInvoker;
import java.util.List;

/**
 * The {@code /me} and {@code /tokens} resources of the service. Like every request, a {@code POST
 * /tokens} is retried after a network error or a 5xx: when the lost answer had created the token,
 * that token stays behind until it expires.
 */
public final class TokensClient {

  private final ServiceClient service;

  public TokensClient(ServiceClient service) {
    this.service = service;
  }

  /** {@code GET /me}: whom the client's token acts for. */
  public Caller me() {
    Caller caller =
        service.send(
            "GET /me",
            api -> api.path("me"),
            SyncInvoker::get,
            ServiceClient.expect("GET /me", 200, Caller.class));
    if (caller.userId() == null) {
      throw new ServiceFailedException("GET /me answered without userId");
    }
    return caller;
  }

  /** {@code POST /tokens}: the new token with its secret. */
  public Token create(NewToken token) {
    String request = "POST /tokens";
    Token created =
        service.send(
            request,
            api -> api.path("tokens"),
            invocation -> invocation.post(Entity.json(token)),
            ServiceClient.expect(request, 201, Token.class));
    if (created.id() == null || created.secret() == null) {
      throw new ServiceFailedException(request + " answered without id or secret");
    }
    return created;
  }

  /** {@code GET /tokens?userId=}: a user's tokens, newest first. */
  public List<Token> list(String userId) {
    TokenList tokens =
        service.send(
            "GET /tokens",
            api -> api.path("tokens").queryParam("userId", userId),
            SyncInvoker::get,
            ServiceClient.expect("GET /tokens", 200, TokenList.class));
    if (tokens.items() == null) {
      throw new ServiceFailedException("GET /tokens answered without items");
    }
    return tokens.items();
  }

  /** {@code DELETE /tokens/{id}}: from its answer on, the token gets 401. */
  public void delete(String tokenId) {
    String request = "DELETE /tokens/" + tokenId;
    service.send(
        request,
        api -> api.path("tokens").path(tokenId),
        SyncInvoker::delete,
        response -> {
          if (response.getStatus() != 204) {
            throw ServiceClient.rejected(request, response);
          }
          response.close();
          return tokenId;
        });
  }
}
