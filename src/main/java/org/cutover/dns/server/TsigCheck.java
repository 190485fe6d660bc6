package org.cutover.dns.server;

import java.util.Map;
import org.cutover.dns.TsigKey;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * Checks the TSIG signature of a request and prepares the response's signature (RFC 8945 §5): a
 * verified request gets a signed response; a bad signature or unknown key gets NOTAUTH with the
 * TSIG error and no MAC.
 */
final class TsigCheck {

  /** The outcome: {@code signed} when the request carried a TSIG record. */
  record Result(boolean signed, int error, TSIG signer, TSIGRecord requestTsig, String keyName) {

    boolean verified() {
      return signed && error == Rcode.NOERROR;
    }

    /** Sets the response's TSIG so that {@link Message#toWire(int)} signs it (or not). */
    void applyTo(Message response) {
      if (signer != null) {
        response.setTSIG(signer, error, requestTsig);
      }
    }
  }

  private final Map<Name, TsigKey> keys;

  TsigCheck(Map<Name, TsigKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  Result check(Message request, byte[] wire) {
    TSIGRecord tsig = request.getTSIG();
    if (tsig == null) {
      return new Result(false, Rcode.NOERROR, null, null, null);
    }
    String keyName = tsig.getName().toString();
    TsigKey key = keys.get(tsig.getName());
    if (key == null || !key.algorithmName().equals(tsig.getAlgorithm())) {
      return new Result(true, Rcode.BADKEY, unsignedErrorSigner(tsig), tsig, keyName);
    }
    TSIG signer = key.signer();
    int error = signer.verify(request, wire, null);
    if (error == Rcode.BADSIG || error == Rcode.BADKEY) {
      return new Result(true, error, unsignedErrorSigner(tsig), tsig, keyName);
    }
    return new Result(true, error, signer, tsig, keyName);
  }

  /**
   * A signer for error responses: with BADSIG/BADKEY dnsjava writes the TSIG record without MAC.
   */
  private static TSIG unsignedErrorSigner(TSIGRecord tsig) {
    try {
      return new TSIG(tsig.getAlgorithm(), tsig.getName(), new byte[32]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
