/**
 * The service as the tester sees it: its problems and the ways a conversation with it fails. The
 * client in {@code control} retries network errors and 5xx answers with backoff (every session
 * carries a client-chosen id, so a retry never duplicates) and measures every request.
 */
package dev.stride.tester.service.entity;
