package org.cutover.migration;

/** Whether Cutover changes the zone itself or tells the administrator what to change. */
public enum DnsMode {
  AUTOMATIC,
  GUIDED
}
