/**
 * The formats of activity files with their media types and extensions, a file found on disk, and
 * the generated track a file is written from.
 */
package dev.stride.tester.activityfiles.entity;
