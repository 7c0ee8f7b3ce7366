package dev.stride.tester.sessions.entity;

/** The answer to {@code POST /sessions/batch}: how many sessions were new, how many known. */
public record BatchAnswer(Integer created, Integer existing) {}
