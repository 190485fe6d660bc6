package org.cutover.mailsync;

import java.util.List;
import java.util.Set;

/**
 * A folder as a server lists it.
 *
 * @param name full name, decoded from modified UTF-7
 * @param delimiter hierarchy separator, or 0 for a flat namespace
 * @param path the name's levels below the personal namespace prefix ({@code INBOX} always upper
 *     case)
 * @param attributes LIST attributes, lower case ({@code \noselect}, {@code \sent}, …)
 * @param role special-use role from the attributes or, where the server marks none, from the name
 * @param subscribed whether the user subscribed to it
 */
record RemoteFolder(
    String name,
    char delimiter,
    List<String> path,
    Set<String> attributes,
    SpecialUse role,
    boolean subscribed) {

  boolean selectable() {
    return !attributes.contains("\\noselect") && !attributes.contains("\\nonexistent");
  }

  boolean isInbox() {
    return path.size() == 1 && path.get(0).equals("INBOX");
  }

  /** Levels joined with {@code /}, for patterns, maps and messages. */
  String displayPath() {
    return String.join("/", path);
  }
}
