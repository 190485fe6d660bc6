package org.cutover.migration;

/** Whether the new MX records are answered everywhere they must be, and what was seen where. */
public record MxPropagation(boolean complete, String detail) {}
