/**
 * Directory discovery: reads an organisation's recipients (mailboxes, groups, contacts, mail users
 * and their addresses) from Active Directory with Exchange attributes or from a plain LDAP server,
 * and proposes which mailboxes a batch migrates and which it leaves out, and why.
 */
package org.cutover.directory;
