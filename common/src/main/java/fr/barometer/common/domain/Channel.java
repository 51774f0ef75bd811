package fr.barometer.common.domain;

import java.util.Arrays;
import java.util.List;

/** A contact channel on which structures are audited. */
public enum Channel {
  EMAIL,
  PHONE,
  VOICEMAIL,
  LETTER,
  WEB,
  VISIT;

  /** The comparable channels: every structure has them, only some buy visits. */
  public static final List<Channel> REMOTE =
      Arrays.stream(values()).filter(c -> c != VISIT).toList();

  /** Channels where silence is possible; an unanswered audit there scores 0 on TRAITEMENT. */
  public boolean canGoUnanswered() {
    return this == EMAIL || this == LETTER || this == VOICEMAIL;
  }

  public boolean isRemote() {
    return this != VISIT;
  }
}
