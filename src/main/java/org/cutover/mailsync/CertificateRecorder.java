package org.cutover.mailsync;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks a server certificate with the real trust manager (chain and host name) and remembers what
 * the server presented and why it was refused, so that a failed handshake can be explained.
 */
final class CertificateRecorder extends X509ExtendedTrustManager {

  enum Verdict {
    NOT_CHECKED,
    TRUSTED,
    UNTRUSTED,
    NAME_MISMATCH
  }

  private final X509ExtendedTrustManager delegate;
  private volatile X509Certificate[] chain;
  private volatile Verdict verdict = Verdict.NOT_CHECKED;
  private volatile String reason = "";
  private volatile String protocol = "";

  CertificateRecorder(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket)
      throws CertificateException {
    record(presented);
    if (socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null) {
      protocol = ssl.getHandshakeSession().getProtocol();
    }
    try {
      delegate.checkServerTrusted(presented, authType, socket);
      verdict = Verdict.TRUSTED;
    } catch (CertificateException e) {
      classify(presented, authType, e);
      throw e;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
      throws CertificateException {
    record(presented);
    try {
      delegate.checkServerTrusted(presented, authType, engine);
      verdict = Verdict.TRUSTED;
    } catch (CertificateException e) {
      classify(presented, authType, e);
      throw e;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType)
      throws CertificateException {
    record(presented);
    try {
      delegate.checkServerTrusted(presented, authType);
      verdict = Verdict.TRUSTED;
    } catch (CertificateException e) {
      verdict = Verdict.UNTRUSTED;
      reason = rootMessage(e);
      throw e;
    }
  }

  private void classify(X509Certificate[] presented, String authType, CertificateException e) {
    reason = rootMessage(e);
    try {
      delegate.checkServerTrusted(presented, authType);
      verdict = Verdict.NAME_MISMATCH;
    } catch (CertificateException chainProblem) {
      verdict = Verdict.UNTRUSTED;
      reason = rootMessage(chainProblem);
    }
  }

  private void record(X509Certificate[] presented) {
    chain = presented == null ? null : presented.clone();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String a, Socket s)
      throws CertificateException {
    delegate.checkClientTrusted(c, a, s);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e)
      throws CertificateException {
    delegate.checkClientTrusted(c, a, e);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
    delegate.checkClientTrusted(c, a);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  Verdict verdict() {
    return verdict;
  }

  String reason() {
    return reason;
  }

  String protocol() {
    return protocol;
  }

  /** Subject, issuer and names of the server's certificate, or a note that none was seen. */
  String describeServerCertificate() {
    X509Certificate[] c = chain;
    if (c == null || c.length == 0) {
      return "no certificate was received";
    }
    X509Certificate leaf = c[0];
    String subject = leaf.getSubjectX500Principal().getName();
    String issuer = leaf.getIssuerX500Principal().getName();
    StringBuilder s = new StringBuilder("subject ").append(subject);
    s.append(subject.equals(issuer) ? ", self-signed" : ", issued by " + issuer);
    List<String> names = alternativeNames(leaf);
    if (!names.isEmpty()) {
      s.append(", names ").append(String.join(", ", names));
    }
    return s.toString();
  }

  String serverCertificateSubject() {
    X509Certificate[] c = chain;
    return c == null || c.length == 0 ? "" : c[0].getSubjectX500Principal().getName();
  }

  private static List<String> alternativeNames(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alt = cert.getSubjectAlternativeNames();
      if (alt != null) {
        for (List<?> entry : alt) {
          Object type = entry.get(0);
          Object value = entry.get(1);
          if (Integer.valueOf(2).equals(type)) {
            names.add("DNS:" + value);
          } else if (Integer.valueOf(7).equals(type)) {
            names.add("IP:" + value);
          }
        }
      }
    } catch (CertificateParsingException e) {
      names.add("(unreadable alternative names)");
    }
    return names;
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m;
  }
}
