/** The {@code import} and {@code generate-files} commands. */
package dev.stride.tester.activityfiles.boundary;
