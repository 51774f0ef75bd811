package fr.barometer.generator;

/** An intercommunality (EPCI) of the shipped reference data. */
record Epci(String siren, String name, String type, long population) {}
