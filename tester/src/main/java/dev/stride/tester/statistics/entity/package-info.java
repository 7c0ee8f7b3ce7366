/**
 * A user's statistics as the service reports them: counts, totals, heart rates, first and last
 * session, active days and the longest streak of consecutive active days, per activity too, and
 * totals per day, week or month. A difference is one field where the service and the tester's own
 * computation disagree.
 */
package dev.stride.tester.statistics.entity;
