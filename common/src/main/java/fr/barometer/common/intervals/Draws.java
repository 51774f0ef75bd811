package fr.barometer.common.intervals;

import java.nio.charset.StandardCharsets;

/**
 * Where each bootstrap draw comes from: a fixed function of the edition, the stratum (one
 * structure's main-site audits of one channel), the replicate and the draw's index, never a random
 * generator's state. So a replicate is the same whatever the partitioning, the number of executors
 * or the order the structures are met in, and running the step twice gives identical tables.
 *
 * <ul>
 *   <li>The stratum's stream: FNV-1a (64 bits) of the UTF-8 text {@code
 *       "<edition>|<structure_id>|<channel>"}, then {@link #mix}.
 *   <li>Draw {@code j} of replicate {@code b}: {@code h = mix(stream + (b x 2^32 + j + 1) x
 *       0x9E3779B97F4A7C15)}, SplitMix64's output for counter {@code b x 2^32 + j + 1}.
 *   <li>The position drawn among {@code n} candidates: {@code (h >>> 32) x n >>> 32}, the high 32
 *       bits scaled to [0, n) (a bias below n / 2^32, nil for a few audits).
 * </ul>
 */
public final class Draws {
  private static final long GAMMA = 0x9E3779B97F4A7C15L;
  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  private Draws() {}

  /** The draws' stream of one structure's audits on one channel, in one edition. */
  public static long stream(int edition, String structureId, String channel) {
    long h = FNV_OFFSET;
    for (byte b : (edition + "|" + structureId + "|" + channel).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= FNV_PRIME;
    }
    return mix(h);
  }

  /** The position (0 to n - 1) of draw {@code draw} of replicate {@code replicate}. */
  public static int position(long stream, int replicate, int draw, int n) {
    long counter = ((long) replicate << 32) + draw + 1;
    long h = mix(stream + counter * GAMMA);
    return (int) (((h >>> 32) * n) >>> 32);
  }

  /** SplitMix64's finaliser (Stafford's variant 13): every input bit moves every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
