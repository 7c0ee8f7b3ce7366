/**
 * The query parameters that choose sessions — whose, which activities, started when — read alike by
 * every endpoint that takes them: the list of sessions and a user's statistics. Each endpoint's
 * {@code @BeanParam} class extends {@link dev.stride.query.SessionFilterParameters} with its own
 * parameters; the rules come from the sessions' entity package.
 */
package dev.stride.query;
