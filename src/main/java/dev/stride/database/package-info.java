/**
 * The database as the application sees it: the connection pool that Payara configures ({@code
 * jdbc/stride}, payara/post-boot.asadmin), handed to every component through CDI and measured on
 * the way — connections in use, threads waiting for one and how long — and whether PostgreSQL is
 * reachable and how big the database is, for the operator's metrics.
 */
package dev.stride.database;
