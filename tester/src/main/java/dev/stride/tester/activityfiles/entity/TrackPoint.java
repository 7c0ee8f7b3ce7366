package dev.stride.tester.activityfiles.entity;

import java.time.Instant;

/**
 * One sample of a track, as a watch records it every second.
 *
 * @param distanceMeters the distance from the track's first point, along the track
 * @param cadence revolutions (cycling) or steps of one foot (running, walking) a minute
 */
public record TrackPoint(
    Instant time,
    double latitude,
    double longitude,
    double elevationMeters,
    double distanceMeters,
    int heartRate,
    int cadence) {}
