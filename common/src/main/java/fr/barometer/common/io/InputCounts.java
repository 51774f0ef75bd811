package fr.barometer.common.io;

import java.io.Serializable;

/**
 * What became of the rows of one input in one run. They reconcile when every row read is accounted
 * for: read = kept + quarantined + collapsed + ineligible.
 */
public record InputCounts(
    String input, long read, long kept, long quarantined, long collapsed, long ineligible)
    implements Serializable {

  public boolean reconciled() {
    return read == kept + quarantined + collapsed + ineligible;
  }
}
