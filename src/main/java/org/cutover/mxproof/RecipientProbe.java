package org.cutover.mxproof;

import java.util.List;

/** Asks a mail exchanger whether it would accept mail for each address, without sending any. */
interface RecipientProbe {

  /** One answer per distinct address, in the order given. */
  List<RecipientAnswer> ask(MailExchangerAddress mx, List<String> addresses);
}
