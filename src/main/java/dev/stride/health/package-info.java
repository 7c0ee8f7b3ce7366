/** Health: the readiness of Stride, which is whether it can use its database right now. */
package dev.stride.health;
