/**
 * Statistics: what a user's recorded sessions add up to — totals, averages, the days they were
 * active and their longest run of consecutive active days, and totals per day, week or month.
 * Calendar days, weeks (from Monday) and months are those of a time zone the client names, so a run
 * at 00:30 in Rome counts on the Roman day. Everything is computed by PostgreSQL from the sessions
 * as stored, so a session counts as soon as its POST has been answered.
 */
package dev.stride.statistics;
