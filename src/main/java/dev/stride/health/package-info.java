/**
 * Health: the readiness of Stride, which is whether its database has Stride's schema and answers
 * right now.
 */
package dev.stride.health;
