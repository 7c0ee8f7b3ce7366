package dev.stride.schema.boundary;

/**
 * Fired once, when the schema of this WAR's migrations is in place: what needs the tables at start
 * (the bootstrap admin token) observes it.
 */
public record SchemaMigrated() {}
