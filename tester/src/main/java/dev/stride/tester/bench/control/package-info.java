/**
 * A sink that answers session requests at once without storing anything, to measure how many
 * sessions a second the tester itself can generate and send.
 */
package dev.stride.tester.bench.control;
