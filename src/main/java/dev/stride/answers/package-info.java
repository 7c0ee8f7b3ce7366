/**
 * Answers, for every component: how a JSON answer becomes the bytes that are sent ({@link
 * dev.stride.answers.JsonBytes}), how the answers computed from a user's sessions are kept per
 * version of those sessions and served again ({@link dev.stride.answers.AnswerCache}), and how
 * clients revalidate what they kept with strong ETags ({@link dev.stride.answers.ETags}). Nothing
 * here knows what an answer says; the sessions and statistics boundaries decide that.
 */
package dev.stride.answers;
