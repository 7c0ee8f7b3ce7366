/**
 * Request bodies read strictly, as the contract wants, by every component that takes JSON: bounded
 * in size (413), real UTF-8, one JSON value and nothing after it, never built recursively.
 */
package dev.stride.json;
