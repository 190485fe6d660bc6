/**
 * The planned switch: the moment the administrator chooses for the MX swap (an instant and the time
 * zone it was given in), its rules (in the future, not before the old MX records can have left
 * every resolver's cache), its moves, and what stands in the way of swapping at that moment.
 */
package org.cutover.migration.schedule;
