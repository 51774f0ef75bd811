package fr.barometer.jobs.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The French wording of the codes a report shows. */
public final class Labels {
  private static final Map<String, String> CODES = new LinkedHashMap<>();

  static {
    CODES.put("OVERALL", "Score baromètre");
    CODES.put("EMAIL", "Courriel");
    CODES.put("PHONE", "Téléphone");
    CODES.put("VOICEMAIL", "Messagerie vocale");
    CODES.put("LETTER", "Courrier");
    CODES.put("WEB", "Site internet");
    CODES.put("VISIT", "Visite sur place");
    CODES.put("ALL", "Tous canaux");
    CODES.put("ACCES", "Accès");
    CODES.put("ACCUEIL", "Accueil");
    CODES.put("TRAITEMENT", "Traitement");
    CODES.put("NATIONAL", "France entière");
    CODES.put("CATEGORY", "Catégorie");
    CODES.put("STRATUM", "Strate");
    CODES.put("REGION", "Région");
    CODES.put("PUBLISHED", "Publié");
    CODES.put("INSUFFICIENT", "Réponses insuffisantes");
    CODES.put("NO_RESPONSES", "Aucune réponse");
    CODES.put("STANDARD", "Standard");
    CODES.put("PERSONALIZED", "Personnalisé");
  }

  private Labels() {}

  /** The label of a code or of a measure (CHANNEL:EMAIL reads "Courriel"); the code when unknown. */
  public static String of(String code) {
    if (code == null) {
      return "";
    }
    String key = code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
    return CODES.getOrDefault(key, key);
  }

  /** Every label, for the templates. */
  public static Map<String, String> all() {
    return CODES;
  }

  /** Order of channels and steps as a reader goes through them (the enums' order). */
  public static int order(String code) {
    int i = 0;
    for (String key : CODES.keySet()) {
      if (key.equals(Labels.key(code))) {
        return i;
      }
      i++;
    }
    return i;
  }

  private static String key(String code) {
    return code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
  }
}
