package fr.barometer.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.domain.Category;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.DelayUnit;
import fr.barometer.common.domain.Enums;
import fr.barometer.common.domain.ItemType;
import fr.barometer.common.domain.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation grid ({@code referential.json}): criteria, items and scenarios. The project ships
 * a default grid; a landing folder's own file replaces it. The grid is validated whole when loaded,
 * since every score depends on it.
 */
public record Referential(List<Criterion> criteria, List<GridItem> items, List<Scenario> scenarios)
    implements Serializable {

  public static final String FILE_NAME = "referential.json";
  private static final String DEFAULT_RESOURCE = "/fr/barometer/defaults/referential.json";

  public static Referential defaults() {
    try (InputStream in = Referential.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse(in, "default " + FILE_NAME);
    } catch (IOException e) {
      throw BarometerException.cannotRead("default " + FILE_NAME, e.getMessage(), e);
    }
  }

  public static Referential load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw BarometerException.cannotRead(file, e.getMessage(), e);
    }
  }

  public static Referential parse(InputStream in, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw BarometerException.cannotRead(
          source, "not valid JSON (" + BarometerException.firstLine(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw BarometerException.cannotRead(source, "expected a JSON object");
    }
    List<Criterion> criteria = new ArrayList<>();
    for (JsonNode c : array(root, "criteria", source)) {
      criteria.add(
          new Criterion(text(c, "id", "criteria", source), text(c, "label", "criteria", source)));
    }
    List<GridItem> items = new ArrayList<>();
    for (JsonNode i : array(root, "items", source)) {
      items.add(item(i, source));
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (JsonNode s : array(root, "scenarios", source)) {
      String scope = text(s, "scope", "scenarios", source);
      if (!Scenario.COMMON.equals(scope) && Enums.parse(Category.class, scope).isEmpty()) {
        throw BarometerException.invalid(
            source, "scenarios.scope", "unknown scope '" + scope + "'");
      }
      scenarios.add(
          new Scenario(
              text(s, "id", "scenarios", source), text(s, "label", "scenarios", source), scope));
    }
    Referential grid =
        new Referential(List.copyOf(criteria), List.copyOf(items), List.copyOf(scenarios));
    grid.checkConsistency(source);
    return grid;
  }

  public Optional<GridItem> item(String id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public Optional<Scenario> scenario(String id) {
    return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public List<GridItem> itemsOf(Channel channel) {
    return items.stream().filter(i -> i.channel() == channel).toList();
  }

  public Map<String, GridItem> itemsById() {
    Map<String, GridItem> byId = new LinkedHashMap<>();
    items.forEach(i -> byId.put(i.id(), i));
    return byId;
  }

  private void checkConsistency(String source) {
    List<String> criterionIds = criteria.stream().map(Criterion::id).toList();
    if (criterionIds.stream().distinct().count() != criterionIds.size()) {
      throw BarometerException.invalid(source, "criteria.id", "duplicate criterion id");
    }
    if (items.stream().map(GridItem::id).distinct().count() != items.size()) {
      throw BarometerException.invalid(source, "items.id", "duplicate item id");
    }
    if (scenarios.stream().map(Scenario::id).distinct().count() != scenarios.size()) {
      throw BarometerException.invalid(source, "scenarios.id", "duplicate scenario id");
    }
    for (GridItem item : items) {
      if (!criterionIds.contains(item.criterion())) {
        throw BarometerException.invalid(
            source,
            "items.criterion",
            "item " + item.id() + " names unknown criterion " + item.criterion());
      }
    }
  }

  private static GridItem item(JsonNode node, String source) {
    String id = text(node, "id", "items", source);
    String where = "items[" + id + "]";
    Channel channel = enumField(node, "channel", Channel.class, where, source);
    Step step = enumField(node, "step", Step.class, where, source);
    ItemType type = enumField(node, "type", ItemType.class, where, source);
    DelayUnit unit = null;
    Double fullAt = null;
    Double zeroAfter = null;
    if (type == ItemType.DELAY) {
      unit = enumField(node, "unit", DelayUnit.class, where, source);
      fullAt = number(node, "full_at", where, source);
      zeroAfter = number(node, "zero_after", where, source);
      if (zeroAfter < fullAt) {
        throw BarometerException.invalid(source, where + ".zero_after", "must be >= full_at");
      }
    }
    double weight = node.has("weight") ? number(node, "weight", where, source) : 1.0;
    if (weight <= 0) {
      throw BarometerException.invalid(source, where + ".weight", "must be positive");
    }
    return new GridItem(
        id,
        channel,
        text(node, "criterion", where, source),
        step,
        text(node, "label", where, source),
        type,
        unit,
        fullAt,
        zeroAfter,
        weight);
  }

  private static Iterable<JsonNode> array(JsonNode root, String name, String source) {
    JsonNode node = root.get(name);
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw BarometerException.invalid(source, name, "expected a non-empty list");
    }
    return node;
  }

  private static String text(JsonNode node, String name, String where, String source) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw BarometerException.invalid(source, where + "." + name, "expected a non-empty string");
    }
    return value.asText();
  }

  private static double number(JsonNode node, String name, String where, String source) {
    JsonNode value = node.get(name);
    if (value == null || !value.isNumber()) {
      throw BarometerException.invalid(source, where + "." + name, "expected a number");
    }
    return value.asDouble();
  }

  private static <E extends Enum<E>> E enumField(
      JsonNode node, String name, Class<E> type, String where, String source) {
    String code = text(node, name, where, source);
    return Enums.parse(type, code)
        .orElseThrow(
            () ->
                BarometerException.invalid(
                    source, where + "." + name, "unknown value '" + code + "'"));
  }
}
