/**
 * The {@code export} command: every stored session that matches the filters, as Stride's own CSV
 * export, optionally checked against the JSON pages of the same list.
 */
package dev.stride.tester.sessions.boundary;
