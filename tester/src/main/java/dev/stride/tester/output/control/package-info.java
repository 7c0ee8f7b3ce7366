/**
 * The files a run leaves behind: CSV with a header row, RFC 4180 quoting, UTF-8, UTC ISO-8601
 * timestamps and {@code .} as decimal separator whatever the locale.
 */
package dev.stride.tester.output.control;
