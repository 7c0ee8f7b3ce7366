/**
 * Talking to Stride about access: whom the given token acts for ({@code GET /api/me}), and, with an
 * admin token, the tokens a run mints for the users it simulates and deletes again.
 */
package dev.stride.tester.access.control;
