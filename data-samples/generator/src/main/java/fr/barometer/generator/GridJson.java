package fr.barometer.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads and writes a grid as JSON laid out like the shipped {@code referential.json}: one space per
 * level, every value of a list on its own line, no newline at the end. The shipped file read and
 * written again gives the same bytes, so two grids written this way differ by their changes only.
 */
final class GridJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GridJson() {}

  static ObjectNode read(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalStateException("a grid is a JSON object");
      }
      return (ObjectNode) root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a grid", e);
    }
  }

  static byte[] write(ObjectNode grid) {
    StringBuilder out = new StringBuilder();
    value(grid, 0, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void value(JsonNode node, int depth, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        newLine(depth + 1, out).append(scalar(JSON.getNodeFactory().textNode(field.getKey())));
        out.append(": ");
        value(field.getValue(), depth + 1, out);
        out.append(fields.hasNext() ? "," : "");
      }
      newLine(depth, out).append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        newLine(depth + 1, out);
        value(node.get(i), depth + 1, out);
        out.append(i < node.size() - 1 ? "," : "");
      }
      newLine(depth, out).append(']');
    } else {
      out.append(scalar(node));
    }
  }

  private static StringBuilder newLine(int depth, StringBuilder out) {
    return out.append('\n').append(" ".repeat(depth));
  }

  private static String scalar(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + node, e);
    }
  }
}
