package fr.barometer.common.io;

import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The text of one landing file, held whole (the registry files, the edition settings). Inputs are
 * UTF-8, a BOM may be present. A file that is not valid UTF-8 is still read (as Latin-1, so no byte
 * is lost) and flagged: its rows go to quarantine. The large exports are read as {@link
 * StreamedText}.
 */
public record TextFile(String name, String text, boolean validUtf8) implements TextInput {
  public static TextFile decode(String name, byte[] bytes) {
    try {
      String text = TextInput.strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
      return new TextFile(name, stripBom(text), true);
    } catch (CharacterCodingException e) {
      return new TextFile(name, new String(bytes, StandardCharsets.ISO_8859_1), false);
    }
  }

  @Override
  public boolean isEmpty() {
    return text.isBlank();
  }

  private static String stripBom(String text) {
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }

  @Override
  public Reader open() {
    return new StringReader(text);
  }
}
