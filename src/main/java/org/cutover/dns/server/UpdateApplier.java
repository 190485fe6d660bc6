package org.cutover.dns.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Applies an RFC 2136 update to one zone: prerequisites (§3.2), prescan (§3.4.1), then the changes
 * (§3.4.2). A CNAME beside other data, or other data beside a CNAME, is ignored as BIND does. The
 * SOA serial goes up by one when anything changed.
 */
final class UpdateApplier {

  private static final Logger log = LoggerFactory.getLogger(UpdateApplier.class);

  private UpdateApplier() {}

  /** The response code of applying {@code update} to {@code zone}. */
  static int apply(ZoneData zone, Message update) {
    int rcode = checkPrerequisites(zone, update.getSection(Section.PREREQ));
    if (rcode != Rcode.NOERROR) {
      return rcode;
    }
    List<Record> changes = update.getSection(Section.UPDATE);
    rcode = prescan(zone, changes);
    if (rcode != Rcode.NOERROR) {
      return rcode;
    }
    boolean changed = false;
    for (Record change : changes) {
      changed |= applyOne(zone, change);
    }
    if (changed) {
      zone.bumpSerial();
    }
    return Rcode.NOERROR;
  }

  private static int checkPrerequisites(ZoneData zone, List<Record> prerequisites) {
    Map<String, List<Record>> exact = new LinkedHashMap<>();
    for (Record pre : prerequisites) {
      if (pre.getTTL() != 0) {
        return Rcode.FORMERR;
      }
      if (!pre.getName().subdomain(zone.apex())) {
        return Rcode.NOTZONE;
      }
      int type = pre.getType();
      if (pre.getDClass() == DClass.ANY) {
        if (!empty(pre)) {
          return Rcode.FORMERR;
        }
        if (type == Type.ANY) {
          if (!zone.inUse(pre.getName())) {
            return Rcode.NXDOMAIN;
          }
        } else if (zone.find(pre.getName(), type).isEmpty()) {
          return Rcode.NXRRSET;
        }
      } else if (pre.getDClass() == DClass.NONE) {
        if (!empty(pre)) {
          return Rcode.FORMERR;
        }
        if (type == Type.ANY) {
          if (zone.inUse(pre.getName())) {
            return Rcode.YXDOMAIN;
          }
        } else if (!zone.find(pre.getName(), type).isEmpty()) {
          return Rcode.YXRRSET;
        }
      } else if (pre.getDClass() == DClass.IN) {
        exact.computeIfAbsent(pre.getName() + "/" + type, k -> new ArrayList<>()).add(pre);
      } else {
        return Rcode.FORMERR;
      }
    }
    for (List<Record> set : exact.values()) {
      Record first = set.get(0);
      Set<Record> wanted = new HashSet<>(set);
      Set<Record> held = new HashSet<>(zone.find(first.getName(), first.getType()));
      if (!wanted.equals(held)) {
        return Rcode.NXRRSET;
      }
    }
    return Rcode.NOERROR;
  }

  private static int prescan(ZoneData zone, List<Record> changes) {
    for (Record change : changes) {
      if (!change.getName().subdomain(zone.apex())) {
        return Rcode.NOTZONE;
      }
      int type = change.getType();
      boolean meta = type == Type.ANY || type == Type.AXFR || type == Type.IXFR || type == Type.OPT;
      if (change.getDClass() == DClass.IN) {
        if (meta) {
          return Rcode.FORMERR;
        }
      } else if (change.getDClass() == DClass.ANY) {
        if (change.getTTL() != 0 || !empty(change) || (meta && type != Type.ANY)) {
          return Rcode.FORMERR;
        }
      } else if (change.getDClass() == DClass.NONE) {
        if (change.getTTL() != 0 || meta) {
          return Rcode.FORMERR;
        }
      } else {
        return Rcode.FORMERR;
      }
    }
    return Rcode.NOERROR;
  }

  private static boolean applyOne(ZoneData zone, Record change) {
    Name name = change.getName();
    int type = change.getType();
    boolean apex = name.equals(zone.apex());
    if (change.getDClass() == DClass.IN) {
      return add(zone, change, apex);
    }
    if (change.getDClass() == DClass.ANY) {
      if (type == Type.ANY) {
        boolean changed = false;
        for (List<Record> set : zone.all(name)) {
          int setType = set.get(0).getType();
          if (!(apex && (setType == Type.SOA || setType == Type.NS))) {
            changed |= zone.removeSet(name, setType);
          }
        }
        return changed;
      }
      if (apex && (type == Type.SOA || type == Type.NS)) {
        return false;
      }
      return zone.removeSet(name, type);
    }
    if (type == Type.SOA || (apex && type == Type.NS && zone.find(name, Type.NS).size() <= 1)) {
      return false;
    }
    return zone.remove(Record.newRecord(name, type, DClass.IN, 0, change.rdataToWireCanonical()));
  }

  private static boolean add(ZoneData zone, Record change, boolean apex) {
    Name name = change.getName();
    int type = change.getType();
    boolean hasCname = !zone.find(name, Type.CNAME).isEmpty();
    boolean hasOther = zone.all(name).stream().anyMatch(set -> set.get(0).getType() != Type.CNAME);
    if (type == Type.CNAME && hasOther) {
      log.info("Update of {}: CNAME beside other records ignored", name);
      return false;
    }
    if (type != Type.CNAME && hasCname) {
      log.info("Update of {}: {} beside a CNAME ignored", name, Type.string(type));
      return false;
    }
    if (type == Type.SOA) {
      if (!apex || ((SOARecord) change).getSerial() <= zone.soa().getSerial()) {
        return false;
      }
      zone.removeSet(name, Type.SOA);
      return zone.add(change);
    }
    if (type == Type.CNAME && hasCname) {
      boolean same = zone.find(name, Type.CNAME).get(0).equals(change);
      if (!same) {
        zone.removeSet(name, Type.CNAME);
      }
    }
    return zone.add(change);
  }

  private static boolean empty(Record record) {
    return record.rdataToWireCanonical().length == 0;
  }
}
