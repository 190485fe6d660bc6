/**
 * Where XOAUTH2 logins get their access tokens when nobody hands them one: an OAuth 2.0 token
 * endpoint asked with the client credentials grant, renewed before a token expires.
 */
package org.cutover.mailsync.oauth;
