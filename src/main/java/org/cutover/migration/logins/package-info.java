/**
 * Logins a server refuses while a migration runs: the failure that names the endpoint and what the
 * server answered, and the replacement of the credential the migration signs in with there.
 */
package org.cutover.migration.logins;
