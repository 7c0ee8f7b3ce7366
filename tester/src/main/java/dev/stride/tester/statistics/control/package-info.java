/**
 * Statistics: fetching them from the service, computing what they must be from the sessions sent,
 * comparing both field by field, and writing them as CSV.
 */
package dev.stride.tester.statistics.control;
