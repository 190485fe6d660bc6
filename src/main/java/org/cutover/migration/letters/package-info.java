/**
 * What the letters tell users about their own mail programs: the servers, ports and encryption they
 * set up (never the endpoint Cutover itself logs in to), checked when a migration is registered and
 * kept with it.
 */
package org.cutover.migration.letters;
