package org.cutover.migration;

/** Where one letter to one person stands (table {@code letter_delivery}). */
public enum DeliveryStatus {
  /** Not sent yet; may be sent. */
  PENDING,
  /** Being handed to the SMTP server; the outcome is not recorded yet. */
  SENDING,
  /** Accepted by the SMTP server. */
  SENT,
  /** Refused for good by the SMTP server; not sent again. */
  FAILED,
  /**
   * Was being handed over when its run ended without recording the outcome (a crash): may or may
   * not have arrived, and is not sent again.
   */
  UNKNOWN
}
