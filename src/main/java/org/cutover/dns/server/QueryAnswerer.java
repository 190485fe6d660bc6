package org.cutover.dns.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Answers a question authoritatively from the zones in memory. */
final class QueryAnswerer {

  private static final int MAX_ALIAS_CHAIN = 8;

  private QueryAnswerer() {}

  /** Fills {@code response} (header, question copied) for the question of {@code query}. */
  static void answer(List<ZoneData> zones, Message query, Message response) {
    Record question = query.getQuestion();
    Name qname = question.getName();
    int qtype = question.getType();
    ZoneData zone = closest(zones, qname);
    if (zone == null) {
      response.getHeader().setRcode(Rcode.REFUSED);
      return;
    }
    response.getHeader().setFlag(Flags.AA);
    Set<Record> answers = new LinkedHashSet<>();
    Name name = qname;
    for (int hop = 0; hop < MAX_ALIAS_CHAIN; hop++) {
      if (!zone.exists(name)) {
        if (name.equals(qname)) {
          response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        addNegative(zone, response);
        break;
      }
      List<Record> cname = zone.find(name, Type.CNAME);
      if (!cname.isEmpty() && qtype != Type.CNAME && qtype != Type.ANY) {
        answers.addAll(cname);
        name = ((CNAMERecord) cname.get(0)).getTarget();
        if (!name.subdomain(zone.apex())) {
          break;
        }
        continue;
      }
      List<Record> found = new ArrayList<>();
      if (qtype == Type.ANY) {
        zone.all(name).forEach(found::addAll);
      } else {
        found.addAll(zone.find(name, qtype));
      }
      if (found.isEmpty()) {
        addNegative(zone, response);
      }
      answers.addAll(found);
      break;
    }
    for (Record record : answers) {
      response.addRecord(record, Section.ANSWER);
    }
    addAddresses(zone, answers, response);
  }

  private static ZoneData closest(List<ZoneData> zones, Name name) {
    ZoneData best = null;
    for (ZoneData zone : zones) {
      if (name.subdomain(zone.apex())
          && (best == null || zone.apex().labels() > best.apex().labels())) {
        best = zone;
      }
    }
    return best;
  }

  /** The SOA in the authority section, with the negative-caching TTL of RFC 2308 §3. */
  private static void addNegative(ZoneData zone, Message response) {
    SOARecord soa = zone.soa();
    long ttl = Math.min(soa.getTTL(), soa.getMinimum());
    response.addRecord(ZoneData.withTtl(soa, ttl), Section.AUTHORITY);
  }

  /** Addresses of MX and NS hosts in the zone, as additional data. */
  private static void addAddresses(ZoneData zone, Set<Record> answers, Message response) {
    for (Record record : answers) {
      Name host = null;
      if (record instanceof MXRecord mx) {
        host = mx.getTarget();
      } else if (record instanceof NSRecord ns) {
        host = ns.getTarget();
      }
      if (host != null && host.subdomain(zone.apex())) {
        for (int type : new int[] {Type.A, Type.AAAA}) {
          for (Record address : zone.find(host, type)) {
            response.addRecord(address, Section.ADDITIONAL);
          }
        }
      }
    }
  }
}
