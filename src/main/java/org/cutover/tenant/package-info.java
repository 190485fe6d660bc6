/**
 * The target of a migration: a Microsoft 365 tenant reached through Microsoft Graph with an app
 * registration (domain, directory checks, users, licences, mailboxes; tokens from Microsoft Entra
 * ID through MSAL), or a plain IMAP host (sign-in checks). Also the access tokens for XOAUTH2 at
 * Exchange Online's IMAP ({@link org.cutover.tenant.Microsoft365Target}) and the users' initial
 * passwords, handed out once ({@link org.cutover.tenant.InitialPasswords}).
 *
 * <p>It knows nothing of migrations as stored or of the process: callers pass the target's
 * settings, and failures come back as {@link org.cutover.tenant.TargetUnavailable} (try again
 * later) or {@link org.cutover.tenant.TargetNeedsAdministrator} (someone must change something),
 * each saying what failed and what to do, never holding a secret.
 */
package org.cutover.tenant;
