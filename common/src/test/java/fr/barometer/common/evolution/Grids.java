package fr.barometer.common.evolution;

import fr.barometer.common.config.GridItem;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.ItemType;
import fr.barometer.common.domain.Step;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Hand-built grids for the evolution tests. */
final class Grids {
  private Grids() {}

  static GridItem item(String id, Channel channel, String criterion, Step step, double weight) {
    return new GridItem(
        id, channel, criterion, step, id, ItemType.BOOLEAN, null, null, null, weight);
  }

  static Map<Channel, Double> channelWeights(double email, double phone, double web) {
    Map<Channel, Double> weights = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      weights.put(c, 1.0);
    }
    weights.put(Channel.EMAIL, email);
    weights.put(Channel.PHONE, phone);
    weights.put(Channel.WEB, web);
    return weights;
  }

  /**
   * 2016: E1 (EMAIL, C01), E2 (EMAIL, C02, weight 1), P1 (PHONE, C01), X1 (PHONE, C04, dropped in
   * 2017), W1 (WEB, C03), V9 (VISIT, C10); channels weighted 1, 1, 2.
   */
  static EditionGrid of2016() {
    return new EditionGrid(
        2016,
        List.of(
            item("E1", Channel.EMAIL, "C01", Step.TRAITEMENT, 1),
            item("E2", Channel.EMAIL, "C02", Step.TRAITEMENT, 1),
            item("P1", Channel.PHONE, "C01", Step.ACCES, 1),
            item("X1", Channel.PHONE, "C04", Step.ACCES, 1),
            item("W1", Channel.WEB, "C03", Step.ACCUEIL, 1),
            item("V9", Channel.VISIT, "C10", Step.ACCES, 1)),
        channelWeights(1, 1, 2));
  }

  /**
   * 2017: E2 weighs 2, X1 is dropped and P2 (PHONE, C04) added; the visit's V9 (criterion C10,
   * gone) gives way to V2 (criterion C11, new); the rest as in 2016.
   */
  static EditionGrid of2017() {
    return new EditionGrid(
        2017,
        List.of(
            item("E1", Channel.EMAIL, "C01", Step.TRAITEMENT, 1),
            item("E2", Channel.EMAIL, "C02", Step.TRAITEMENT, 2),
            item("P1", Channel.PHONE, "C01", Step.ACCES, 1),
            item("P2", Channel.PHONE, "C04", Step.ACCES, 1),
            item("W1", Channel.WEB, "C03", Step.ACCUEIL, 1),
            item("V2", Channel.VISIT, "C11", Step.ACCES, 1)),
        channelWeights(1, 1, 2));
  }

  /** 2015: the grid and channel weights of 2017. */
  static EditionGrid of2015() {
    return new EditionGrid(2015, of2017().items(), of2017().channelWeights());
  }
}
