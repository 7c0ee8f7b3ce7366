package dev.stride.access.boundary;

import jakarta.security.enterprise.credential.Credential;

/** The secret of an {@code Authorization: Bearer} header, for {@link TokenIdentityStore}. */
record BearerCredential(String secret) implements Credential {}
