package org.cutover.notify;

/**
 * One message to one person, ready to send.
 *
 * @param from the sender, {@code address} or {@code Name <address>}
 * @param replyTo where answers go (the contact), or null for the sender
 * @param toAddress the recipient's address
 * @param toName the recipient's name, or null
 * @param letter subject and plain-text body, placeholders filled
 */
public record OutgoingLetter(
    String from, String replyTo, String toAddress, String toName, Letter letter) {}
