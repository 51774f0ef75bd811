package fr.barometer.common.config;

import java.io.Serializable;

/** A quality indicator: a group of items. */
public record Criterion(String id, String label) implements Serializable {}
