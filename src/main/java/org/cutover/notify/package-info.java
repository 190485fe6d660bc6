/**
 * Letters to people: the text templates ({@code letters/<template>_<language>.txt} on the class
 * path, Thymeleaf in text mode, English and Danish), the {@code {{name}}} placeholders that a
 * letter keeps for each recipient and that an administrator's edit may use, and sending one
 * plain-text message per recipient over SMTP with each outcome told apart (accepted, deferred,
 * refused, unknown). It records nothing and knows no migration: the caller keeps the records.
 * Depends on nothing else of Cutover.
 */
package org.cutover.notify;
