/** The {@code sync} command: a local CSV copy of a user's sessions, kept up to date. */
package dev.stride.tester.sync.boundary;
