/**
 * Proof at the new mail exchanger: before the MX records are swapped, the target's MX is asked over
 * SMTP, address by address, whether it would accept mail ({@code RCPT TO}, never {@code DATA}), so
 * that an address the target does not know is named before mail to it starts to bounce. The answers
 * are stored per migration; refused addresses hold the swap until they are fixed at the target and
 * proved again, or an administrator accepts them (recorded with who and when).
 *
 * <p>Knows nothing of the process engine: {@link org.cutover.mxproof.MxProof} is called by the
 * runbook step and read by the API.
 */
package org.cutover.mxproof;
