package fr.barometer.common.io;

import java.io.Serializable;

/**
 * One landing file as it was when read: its input ({@code registry}, {@code audits} or {@code
 * survey}), its name relative to the landing folder, its size and the SHA-256 of its bytes. Two
 * fingerprints with the same name and checksum are the same file: its rows need not be read again.
 */
public record LandingFile(String input, String name, long size, String sha256)
    implements Serializable {
  public static final String REGISTRY = "registry";
  public static final String AUDITS = "audits";
  public static final String SURVEY = "survey";

  public boolean sameContent(LandingFile other) {
    return other != null && size == other.size && sha256.equals(other.sha256);
  }
}
