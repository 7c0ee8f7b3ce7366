package dev.stride.access.boundary;

import dev.stride.access.control.LastUse;
import dev.stride.access.control.TokenStore;
import dev.stride.access.entity.Scope;
import dev.stride.access.entity.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Validates bearer secrets against the tokens table: a secret of the right shape whose hash names a
 * token that has not expired gives that token's user as the caller, and its scopes as groups (the
 * roles of {@code @RolesAllowed}, see {@link Scope#roles}). Anything else is invalid, with no hint
 * which way.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {
  @Inject TokenStore tokens;
  @Inject LastUse lastUse;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerCredential bearer) || !Secret.hasShape(bearer.secret())) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return tokens
        .authenticate(bearer.secret())
        .map(
            caller -> {
              lastUse.used(caller.tokenId());
              return new CredentialValidationResult(
                  new TokenPrincipal(caller), Scope.roles(caller.scopes()));
            })
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
