package fr.barometer.generator;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * French grammar for structure names: "Mairie du Havre", "Caf de la Gironde", "CCAS d'Orléans". A
 * display name with the wrong article is the first thing a reviewer of the sample notices.
 */
final class FrenchNames {
  /** The "de" form of each department's name (default "de la"). */
  private static final Map<String, String> DEPARTMENT_OF = new HashMap<>();

  static {
    String[][] groups = {
      {
        "de l'", "01", "02", "03", "07", "09", "10", "11", "12", "27", "34", "36", "38", "60", "61",
        "89", "91", "989"
      },
      {"d'", "28", "35", "37"},
      {
        "des ", "04", "05", "06", "08", "13", "22", "40", "64", "65", "66", "78", "79", "88", "92",
        "984"
      },
      {
        "du ", "14", "15", "18", "25", "29", "30", "32", "39", "41", "45", "46", "47", "56", "59",
        "62", "63", "67", "68", "69", "81", "82", "83", "84", "90", "94", "95"
      },
      {"de ", "49", "54", "71", "75", "77", "974", "975", "976", "977", "978", "986"},
    };
    for (String[] group : groups) {
      for (int i = 1; i < group.length; i++) {
        DEPARTMENT_OF.put(group[i], group[0]);
      }
    }
  }

  private FrenchNames() {}

  /** "de la Gironde", "du Nord", "de l'Ain", "des Landes". */
  static String ofDepartment(Commune commune) {
    return DEPARTMENT_OF.getOrDefault(commune.departmentCode(), "de la ")
        + commune.departmentName();
  }

  /** "de Lyon", "d'Annecy", "du Havre", "des Sables-d'Olonne", "de La Rochelle". */
  static String of(String communeName) {
    if (communeName.startsWith("Le ")) {
      return "du " + communeName.substring(3);
    }
    if (communeName.startsWith("Les ")) {
      return "des " + communeName.substring(4);
    }
    if (startsWithVowel(communeName)) {
      return "d'" + communeName;
    }
    return "de " + communeName;
  }

  private static boolean startsWithVowel(String name) {
    if (name.startsWith("L'")) {
      return false;
    }
    char first = stripAccents(name.substring(0, 1)).toUpperCase(Locale.ROOT).charAt(0);
    return "AEIOUY".indexOf(first) >= 0;
  }

  /** ASCII, lower case, words joined by hyphens: the shape of a domain name or mail address. */
  static String slug(String text) {
    String ascii =
        stripAccents(text).toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
  }

  static String stripAccents(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
