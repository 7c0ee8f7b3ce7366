/**
 * Problems: every error answer of the API as an RFC 9457 {@code application/problem+json} body.
 * Client mistakes are logged quietly; unexpected failures get an id that is logged with the stack
 * trace and returned alone, so that nothing internal ever reaches a client.
 */
package dev.stride.problems;
