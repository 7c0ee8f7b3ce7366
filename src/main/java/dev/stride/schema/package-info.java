/**
 * Schema: the tables Stride keeps its sessions in, as versioned migrations ({@code
 * src/main/resources/db/migration}, applied by Flyway). Every backend brings its database up to
 * date itself, at deployment and before it serves a request, so a workstation, the tests, the
 * benchmarks and the containers all migrate the same way, and several backends starting at once
 * apply each migration once. Until its schema is current a backend is not ready and answers 503.
 */
package dev.stride.schema;
