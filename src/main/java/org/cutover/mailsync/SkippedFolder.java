package org.cutover.mailsync;

/** A source folder that was not synced, with why (excluded, or failed in this pass). */
public record SkippedFolder(String folder, String reason) {}
