package org.cutover.migration;

/**
 * The result of looking up the domain's verification TXT record: found or not, and what each server
 * answered (shown to the administrator when it is missing).
 */
public record TxtVerification(boolean found, String detail) {}
