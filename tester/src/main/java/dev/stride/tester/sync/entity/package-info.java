/**
 * What a local copy of sessions knows about itself: the position in Stride's changes feed up to
 * which it holds every session's latest state.
 */
package dev.stride.tester.sync.entity;
