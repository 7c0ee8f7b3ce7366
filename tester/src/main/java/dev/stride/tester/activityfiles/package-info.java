/**
 * Activity files as a watch or an app writes them (GPX, TCX, FIT, each also gzipped): the tester
 * generates realistic ones from a seed (a random walk at the pace of the activity, one sample a
 * second, heart rate, elevation, cadence), finds them in folders and imports them through {@code
 * POST /api/sessions/import}, one report row a file.
 */
package dev.stride.tester.activityfiles;
