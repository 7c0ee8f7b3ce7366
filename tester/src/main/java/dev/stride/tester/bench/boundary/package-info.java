/** The hidden {@code bench-sink} command: the tester's own speed against an instant sink. */
package dev.stride.tester.bench.boundary;
