/** The {@code export} command: every stored session that matches the filters, as CSV. */
package dev.stride.tester.sessions.boundary;
