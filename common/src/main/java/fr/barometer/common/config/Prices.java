package fr.barometer.common.config;

import java.io.Serializable;

/** The campaign's price list, euros excluding VAT. */
public record Prices(
    double personalizedMainSite,
    double visitsPerSite,
    double additionalSite,
    double restitution,
    double professionalAudit)
    implements Serializable {}
