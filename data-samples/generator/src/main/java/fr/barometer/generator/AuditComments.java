package fr.barometer.generator;

import fr.barometer.common.domain.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The auditor's short remark on an audit, in the tone of real mystery-shopping reports. */
final class AuditComments {
  enum Outcome {
    GOOD,
    AVERAGE,
    POOR,
    NO_ANSWER
  }

  private static final Map<Channel, Map<Outcome, List<String>>> SENTENCES =
      new EnumMap<>(Channel.class);

  static {
    put(
        Channel.EMAIL,
        List.of(
            "Réponse rapide, claire et signée par un agent.",
            "Réponse complète avec la liste des pièces à fournir.",
            "Très bonne réponse, personnalisée et précise."),
        List.of(
            "Réponse courtoise mais incomplète sur les pièces à fournir.",
            "Réponse correcte mais impersonnelle, sans signature.",
            "Réponse obtenue après relance implicite, contenu satisfaisant."),
        List.of(
            "Réponse tardive et peu précise.",
            "Réponse générique renvoyant vers le site internet sans répondre à la question.",
            "Réponse confuse, le délai de traitement n'est pas indiqué."),
        List.of(
            "Aucune réponse reçue au courriel.",
            "Pas de réponse malgré un accusé de réception automatique.",
            "Courriel resté sans réponse à la clôture de l'audit."));
    put(
        Channel.PHONE,
        List.of(
            "Appel décroché rapidement, agent aimable et bien informé.",
            "Accueil téléphonique très professionnel, réponse complète.",
            "Agent identifiable, réponse précise et transfert inutile."),
        List.of(
            "Attente un peu longue mais réponse correcte.",
            "Agent poli mais hésitant sur la procédure.",
            "Serveur vocal clair, réponse satisfaisante après transfert."),
        List.of(
            "Long temps d'attente, réponse incomplète.",
            "Transfert vers un service qui ne répond pas.",
            "Agent pressé, informations contradictoires avec le site internet."),
        List.of("Appel non abouti."));
    put(
        Channel.VOICEMAIL,
        List.of(
            "Répondeur clair avec les horaires, rappel dès le lendemain.",
            "Message d'accueil à jour, rappel rapide et utile."),
        List.of(
            "Répondeur présent mais message générique, rappel tardif.",
            "Message d'accueil correct, rappel obtenu après quelques jours."),
        List.of(
            "Message du répondeur peu audible et non daté.",
            "Rappel très tardif et sans réponse à la demande."),
        List.of(
            "Aucun répondeur hors des heures d'ouverture.",
            "Message laissé sur le répondeur, jamais rappelé.",
            "Le téléphone sonne dans le vide en dehors des horaires."));
    put(
        Channel.LETTER,
        List.of(
            "Réponse écrite rapide, claire et signée.",
            "Courrier de réponse complet avec les coordonnées de l'agent."),
        List.of(
            "Réponse reçue dans les délais mais peu personnalisée.",
            "Courrier correct, délai de traitement non précisé."),
        List.of(
            "Réponse tardive et incomplète.", "Courrier type sans lien direct avec la demande."),
        List.of("Aucune réponse au courrier.", "Courrier resté sans réponse après un mois."));
    put(
        Channel.WEB,
        List.of(
            "Site clair, horaires et démarches en ligne faciles à trouver.",
            "Information à jour et démarche en ligne disponible."),
        List.of(
            "Information présente mais difficile à trouver.",
            "Site correct, pas d'information sur l'accessibilité."),
        List.of(
            "Horaires obsolètes sur le site, pas de démarche en ligne.",
            "Site peu lisible, coordonnées du service introuvables."),
        List.of("Site inaccessible lors de la visite."));
    put(
        Channel.VISIT,
        List.of(
            "Accueil chaleureux, attente courte, signalétique claire.",
            "Agent disponible et précis, locaux accessibles."),
        List.of(
            "Attente modérée, accueil correct.", "Signalétique perfectible mais agent aimable."),
        List.of(
            "Longue attente debout, agent peu disponible.",
            "Accueil difficile à trouver, réponse incomplète."),
        List.of("Accueil fermé à l'heure annoncée."));
  }

  private static void put(
      Channel channel,
      List<String> good,
      List<String> average,
      List<String> poor,
      List<String> noAnswer) {
    Map<Outcome, List<String>> byOutcome = new EnumMap<>(Outcome.class);
    byOutcome.put(Outcome.GOOD, good);
    byOutcome.put(Outcome.AVERAGE, average);
    byOutcome.put(Outcome.POOR, poor);
    byOutcome.put(Outcome.NO_ANSWER, noAnswer);
    SENTENCES.put(channel, byOutcome);
  }

  private AuditComments() {}

  static String comment(Channel channel, Outcome outcome, Randoms random) {
    return random.pick(SENTENCES.get(channel).get(outcome));
  }

  /** The outcome that matches the share of points the audit earned. */
  static Outcome outcome(double points) {
    return points >= 0.75 ? Outcome.GOOD : points >= 0.5 ? Outcome.AVERAGE : Outcome.POOR;
  }
}
