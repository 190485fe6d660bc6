package org.cutover.dns;

/**
 * Whether a TXT text (e.g. {@code MS=ms12345678}) is published: found only when every authoritative
 * server answers it. {@code detail} names each server and what it answered, and when the text is
 * missing, the exact record to add.
 */
public record TxtCheck(boolean found, String detail) {}
