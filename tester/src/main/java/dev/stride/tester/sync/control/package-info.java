/**
 * Keeping a local CSV copy of one user's sessions up to date: list everything once from a position
 * of the changes feed, then apply the feed's upserts and deletes from there; a position the feed no
 * longer goes back to means listing everything again. The copy and its position are each replaced
 * as a whole, the copy first, so a run that stops half-way leaves a copy that the next run brings
 * up to date (applying a change twice changes nothing).
 */
package dev.stride.tester.sync.control;
