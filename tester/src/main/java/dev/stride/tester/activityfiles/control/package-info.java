/**
 * Generating tracks and writing them as GPX (jpx), TCX (StAX) and FIT (Garmin's FIT SDK); finding
 * activity files in folders; sending them to the import endpoint and reporting each one.
 */
package dev.stride.tester.activityfiles.control;
