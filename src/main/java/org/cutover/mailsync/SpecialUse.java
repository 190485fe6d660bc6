package org.cutover.mailsync;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Roles of special folders (RFC 6154), with the names servers give them where they do not mark
 * them: English, Danish, Norwegian, Swedish, German, French, Spanish, Italian and Dutch, including
 * Exchange's and Outlook's.
 */
enum SpecialUse {
  SENT(
      "\\Sent",
      "Sent",
      "Sent Items",
      "Sent Messages",
      "Sent Mail",
      "Sendt",
      "Sendt post",
      "Sendte elementer",
      "Sendte",
      "Skickat",
      "Skickade objekt",
      "Gesendet",
      "Gesendete Elemente",
      "Gesendete Objekte",
      "Éléments envoyés",
      "Envoyés",
      "Elementos enviados",
      "Enviados",
      "Posta inviata",
      "Inviata",
      "Verzonden items",
      "Verzonden"),
  DRAFTS(
      "\\Drafts",
      "Drafts",
      "Kladder",
      "Kladde",
      "Utkast",
      "Entwürfe",
      "Brouillons",
      "Borradores",
      "Bozze",
      "Concepten"),
  TRASH(
      "\\Trash",
      "Trash",
      "Deleted Items",
      "Deleted Messages",
      "Bin",
      "Papirkurv",
      "Slettet post",
      "Slettede elementer",
      "Slettede poster",
      "Borttagna objekt",
      "Papperskorgen",
      "Papierkorb",
      "Gelöschte Elemente",
      "Gelöschte Objekte",
      "Corbeille",
      "Éléments supprimés",
      "Papelera",
      "Elementos eliminados",
      "Cestino",
      "Posta eliminata",
      "Prullenbak",
      "Verwijderde items"),
  JUNK(
      "\\Junk",
      "Junk",
      "Junk E-mail",
      "Junk Email",
      "Junk Mail",
      "Spam",
      "Uønsket mail",
      "Uønsket e-mail",
      "Uønsket post",
      "Søppelpost",
      "Skräppost",
      "Junk-E-Mail",
      "Courrier indésirable",
      "Correo no deseado",
      "Posta indesiderata",
      "Ongewenste e-mail"),
  ARCHIVE("\\Archive", "Archive", "Archives", "Arkiv", "Archiv", "Archivio", "Archief", "Archivo"),
  ALL("\\All"),
  FLAGGED("\\Flagged");

  /** Every known name, lower case, with its role (looked up for each folder of each listing). */
  private static final Map<String, SpecialUse> BY_NAME = new HashMap<>();

  static {
    for (SpecialUse u : values()) {
      for (String known : u.names) {
        BY_NAME.putIfAbsent(known.toLowerCase(Locale.ROOT), u);
      }
    }
  }

  private final String attribute;
  private final List<String> names;

  SpecialUse(String attribute, String... names) {
    this.attribute = attribute;
    this.names = List.of(names);
  }

  /** The RFC 6154 attribute, e.g. {@code \Sent}. */
  String attribute() {
    return attribute;
  }

  static SpecialUse fromAttribute(String attr) {
    for (SpecialUse u : values()) {
      if (u.attribute.equalsIgnoreCase(attr)) {
        return u;
      }
    }
    return null;
  }

  /** The role a top-level folder name usually has, or null. */
  static SpecialUse fromName(String name) {
    return BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
  }
}
