package fr.barometer.jobs.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The French wording of every code a document shows, in one table: measures (channels, steps),
 * scopes and comparison groups, categories and subtypes, statuses, plans, eligibility reasons. The
 * table's order is the reading order of channels and steps. Criteria are named by the grid.
 */
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
    CODES.put("FRANCE", "France entière");
    CODES.put("CATEGORY", "Catégorie");
    CODES.put("STRATUM", "Strate");
    CODES.put("REGION", "Région");
    CODES.put("PEER_GROUP", "Groupe de pairs");
    CODES.put("ADMINISTRATION", "Administrations et collectivités");
    CODES.put("HEALTH_SOCIAL_SECURITY", "Santé et protection sociale");
    CODES.put("SOCIAL", "Action sociale");
    CODES.put("SOCIAL_HOUSING", "Logement social");
    CODES.put("SECURITY", "Sécurité");
    CODES.put("POSTAL", "Services postaux");
    CODES.put("CULTURE_SPORT", "Culture et sport");
    CODES.put("EMPLOYMENT", "Emploi");
    CODES.put("UTILITIES", "Eau et énergie");
    CODES.put("TRANSPORT", "Transports");
    CODES.put("EDUCATION", "Éducation");
    CODES.put("CONSULAR", "Chambres consulaires");
    CODES.put("MAIRIE", "Mairie");
    CODES.put("INTERCOMMUNALITE", "Intercommunalité");
    CODES.put("PUBLISHED", "Publié");
    CODES.put("INSUFFICIENT", "Réponses insuffisantes");
    CODES.put("NO_RESPONSES", "Aucune réponse");
    CODES.put("STANDARD", "Standard");
    CODES.put("PERSONALIZED", "Personnalisé");
    CODES.put("COMMUNE_POPULATION_UNKNOWN", "population de la commune inconnue");
    CODES.put("COMMUNE_POPULATION_BELOW_MINIMUM", "commune sous le seuil de population");
    CODES.put("EPCI_UNKNOWN", "intercommunalité inconnue");
    CODES.put("EPCI_POPULATION_BELOW_MINIMUM", "intercommunalité sous le seuil de population");
    CODES.put("REJECTED", "candidature non retenue");
    CODES.put("PENDING", "candidature en attente");
    CODES.put("NO_AUDIT", "aucun audit reçu");
  }

  private Labels() {}

  /**
   * The label of a code or of a measure (CHANNEL:EMAIL reads "Courriel"); the code when unknown.
   */
  public static String of(String code) {
    if (code == null) {
      return "";
    }
    return CODES.getOrDefault(key(code), key(code));
  }

  /** Every label, for the templates. */
  public static Map<String, String> all() {
    return CODES;
  }

  /**
   * The order of codes as the table lists them (channels, steps, scopes...); unknown codes last.
   */
  public static int order(String code) {
    if (code == null) {
      return Integer.MAX_VALUE;
    }
    int i = 0;
    for (String key : CODES.keySet()) {
      if (key.equals(key(code))) {
        return i;
      }
      i++;
    }
    return Integer.MAX_VALUE;
  }

  private static String key(String code) {
    return code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
  }
}
