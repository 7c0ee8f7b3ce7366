/**
 * Access to Stride as the tester sees it: the secret of a bearer token (never shown), who a token
 * acts for ({@code GET /api/me}) and the tokens of {@code /api/tokens}. A token without {@code
 * admin} acts for its own user only; one with {@code admin} acts for every user.
 */
package dev.stride.tester.access.entity;
