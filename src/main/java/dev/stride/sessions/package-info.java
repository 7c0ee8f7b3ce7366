/**
 * Sessions: the exercise sessions people record (a run, a ride, a swim), with the rules that make a
 * retried upload safe — a client may choose the id, an identical retry changes nothing and a
 * different session under a stored id is a conflict. Reading them back is a keyset-paged list whose
 * cursors are signed and bound to their query.
 */
package dev.stride.sessions;
