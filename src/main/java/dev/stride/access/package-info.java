/**
 * Access: who is asking. Every request under {@code /api} carries a bearer token that belongs to
 * one user and has scopes ({@code read}, {@code write}, {@code admin}); Jakarta Security
 * authenticates it ({@code boundary.BearerAuthentication} with {@code boundary.TokenIdentityStore})
 * and the scopes become roles that {@code @RolesAllowed} on every resource method checks. The
 * per-user rule — a caller without {@code admin} acts for its own user only — is {@code
 * entity.Caller}'s, applied by {@code boundary.OwnUserOnly} to every user named in a path or a
 * query and by the resources to the sessions they read or store.
 */
package dev.stride.access;
