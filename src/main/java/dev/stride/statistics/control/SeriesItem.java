package dev.stride.statistics.control;

import java.time.LocalDate;

/** The totals of one day, week or month, named by its first calendar day. */
public record SeriesItem(LocalDate start, Totals totals) {}
