package fr.barometer.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The grid of the edition before the shipped one: the shipped grid with exactly three differences,
 * so that comparing the two editions meets every case. Most channels and criteria keep the same
 * items (their measures compare as they are); three changes touch a few measures:
 *
 * <ul>
 *   <li>{@value #DROPPED_ITEM} (WEB), the only item of criterion {@value #DROPPED_CRITERION}, is in
 *       the earlier grid only: the later one dropped both the item and its criterion, so that
 *       criterion shares no item with the later grid;
 *   <li>{@value #ADDED_ITEM} (WEB, criterion C01) is not in the earlier grid: the later one added
 *       it;
 *   <li>{@value #REWEIGHTED_ITEM} (LETTER, criterion C04) weighs {@value #EARLIER_WEIGHT} in the
 *       earlier grid, 2 in the later one.
 * </ul>
 *
 * No criterion or channel of the shipped grid has a single item, so no measure the later edition
 * publishes can share no item at all with the earlier grid: the measure without a common item is
 * the earlier edition's {@code CRITERION:C10}.
 */
final class EarlierGrid {
  static final String DROPPED_CRITERION = "C10";
  static final String DROPPED_CRITERION_LABEL = "Recueil de l'avis et des réclamations des usagers";
  static final String DROPPED_ITEM = "WE08";
  static final String ADDED_ITEM = "WE03";
  static final String REWEIGHTED_ITEM = "LE03";
  static final int EARLIER_WEIGHT = 1;

  private EarlierGrid() {}

  /** The earlier grid's JSON, from the later grid's (the shipped grid). */
  static byte[] of(byte[] laterGrid) {
    ObjectNode grid = GridJson.read(laterGrid);
    ArrayNode criteria = (ArrayNode) grid.get("criteria");
    ArrayNode items = (ArrayNode) grid.get("items");
    if (indexOf(criteria, DROPPED_CRITERION) >= 0 || indexOf(items, DROPPED_ITEM) >= 0) {
      throw unexpected(DROPPED_CRITERION + " or " + DROPPED_ITEM + " is already there");
    }
    criteria.addObject().put("id", DROPPED_CRITERION).put("label", DROPPED_CRITERION_LABEL);

    int added = indexOf(items, ADDED_ITEM);
    if (added < 0) {
      throw unexpected(ADDED_ITEM + " is missing");
    }
    items.remove(added);

    int reweighted = indexOf(items, REWEIGHTED_ITEM);
    if (reweighted < 0 || items.get(reweighted).path("weight").asInt() == EARLIER_WEIGHT) {
      throw unexpected(REWEIGHTED_ITEM + " is missing or already weighs " + EARLIER_WEIGHT);
    }
    ((ObjectNode) items.get(reweighted)).put("weight", EARLIER_WEIGHT);

    // After the last WEB item, where the grid keeps the channel's items together.
    int lastWeb = -1;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path("channel").asText().equals("WEB")) {
        lastWeb = i;
      }
    }
    items
        .insertObject(lastWeb + 1)
        .put("id", DROPPED_ITEM)
        .put("channel", "WEB")
        .put("criterion", DROPPED_CRITERION)
        .put("step", "TRAITEMENT")
        .put("label", "Avis ou réclamation pouvant être déposés en ligne")
        .put("type", "BOOLEAN")
        .put("weight", 1);
    return GridJson.write(grid);
  }

  private static int indexOf(ArrayNode list, String id) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      if (node.path("id").asText().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static IllegalStateException unexpected(String what) {
    return new IllegalStateException(
        "the shipped grid is not the one EarlierGrid was written for: " + what);
  }
}
