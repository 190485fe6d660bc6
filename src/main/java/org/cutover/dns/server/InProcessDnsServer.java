package org.cutover.dns.server;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cutover.dns.DnsNames;
import org.cutover.dns.NameServer;
import org.cutover.dns.RecordSet;
import org.cutover.dns.TsigKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server in this process, on UDP and TCP at one address and port: answers SOA,
 * NS, MX, TXT, CNAME, A and AAAA (and ANY) with the AA flag, NXDOMAIN with the SOA for negative
 * caching, and takes RFC 2136 updates signed with one of its TSIG keys (unsigned updates are
 * refused). UDP answers larger than the client's EDNS size (512 bytes without EDNS) are truncated
 * with the TC flag, so clients retry over TCP.
 */
public final class InProcessDnsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InProcessDnsServer.class);
  private static final int MAX_UDP_PAYLOAD = 1232;
  private static final int PLAIN_UDP_PAYLOAD = 512;

  private final InetAddress address;
  private final int requestedPort;
  private final TsigCheck tsigCheck;
  private final List<ZoneData> zones = new CopyOnWriteArrayList<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

  private DatagramSocket udp;
  private ServerSocket tcp;
  private ExecutorService workers;
  private volatile boolean running;

  /**
   * @param address where to listen, normally the loopback address
   * @param port the port for both UDP and TCP; 0 picks a free one
   * @param keys the TSIG keys allowed to update every zone
   */
  public InProcessDnsServer(InetAddress address, int port, List<TsigKey> keys) {
    this.address = address;
    this.requestedPort = port;
    Map<Name, TsigKey> byName = new HashMap<>();
    for (TsigKey key : keys) {
      byName.put(DnsNames.toName(key.name()), key);
    }
    this.tsigCheck = new TsigCheck(byName);
  }

  /**
   * Serves {@code apex} with the records of a zone file ({@code $TTL}, {@code @}, relative names).
   *
   * @throws IllegalArgumentException saying what is wrong with the zone
   */
  public void addZone(String apex, String zoneFile) {
    Name origin = DnsNames.toName(apex);
    List<Record> records = new ArrayList<>();
    try (Master master =
        new Master(
            new ByteArrayInputStream(zoneFile.getBytes(StandardCharsets.UTF_8)), origin, 3600)) {
      for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
        records.add(record);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Zone file for " + origin + ": " + e.getMessage(), e);
    }
    addZone(origin, records);
  }

  /** Serves {@code apex} with these record sets (which must include the apex SOA and NS). */
  public void addZone(String apex, List<RecordSet> recordSets) {
    List<Record> records = new ArrayList<>();
    recordSets.forEach(set -> records.addAll(set.toRecords()));
    addZone(DnsNames.toName(apex), records);
  }

  private void addZone(Name apex, List<Record> records) {
    ZoneData zone = new ZoneData(apex, records);
    lock.writeLock().lock();
    try {
      zones.removeIf(z -> z.apex().equals(apex));
      zones.add(zone);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Opens the sockets and starts answering. */
  public synchronized void start() throws IOException {
    if (running) {
      return;
    }
    IOException last = null;
    for (int attempt = 0; attempt < (requestedPort == 0 ? 20 : 1); attempt++) {
      DatagramSocket udpSocket = new DatagramSocket(new InetSocketAddress(address, requestedPort));
      try {
        tcp = new ServerSocket(udpSocket.getLocalPort(), 50, address);
        udp = udpSocket;
        break;
      } catch (BindException e) {
        udpSocket.close();
        last = e;
      }
    }
    if (udp == null) {
      throw new IOException("No port free for both UDP and TCP on " + address, last);
    }
    running = true;
    workers =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "dns-server-" + udp.getLocalPort());
              thread.setDaemon(true);
              return thread;
            });
    workers.execute(this::serveUdp);
    workers.execute(this::serveTcp);
    log.info(
        "In-process DNS server on {} port {} serving {}",
        address.getHostAddress(),
        udp.getLocalPort(),
        zones.stream().map(z -> z.apex().toString()).toList());
  }

  /** The port both UDP and TCP listen on. */
  public int port() {
    if (udp == null) {
      throw new IllegalStateException("The DNS server is not started");
    }
    return udp.getLocalPort();
  }

  /** This server as a name server to ask. */
  public NameServer nameServer() {
    return new NameServer("in-process", new InetSocketAddress(address, port()));
  }

  @Override
  public synchronized void close() {
    running = false;
    if (udp != null) {
      udp.close();
    }
    if (tcp != null) {
      try {
        tcp.close();
      } catch (IOException e) {
        log.debug("Closing the DNS server's TCP socket: {}", e.getMessage());
      }
    }
    for (Socket connection : connections) {
      try {
        connection.close();
      } catch (IOException e) {
        log.debug("Closing a DNS client connection: {}", e.getMessage());
      }
    }
    if (workers != null) {
      workers.shutdownNow();
      try {
        workers.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void serveUdp() {
    byte[] buffer = new byte[65535];
    while (running) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        byte[] request = Arrays.copyOf(packet.getData(), packet.getLength());
        Optional<byte[]> reply = handle(request, true);
        if (reply.isPresent()) {
          udp.send(new DatagramPacket(reply.get(), reply.get().length, packet.getSocketAddress()));
        }
      } catch (SocketException e) {
        if (running) {
          log.warn("DNS server UDP socket failed: {}", e.getMessage());
        }
        return;
      } catch (IOException | RuntimeException e) {
        log.warn("DNS server could not answer a UDP request: {}", e.toString());
      }
    }
  }

  private void serveTcp() {
    while (running) {
      try {
        Socket socket = tcp.accept();
        workers.execute(() -> serveConnection(socket));
      } catch (IOException e) {
        if (running) {
          log.warn("DNS server TCP socket failed: {}", e.getMessage());
        }
        return;
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serveConnection(Socket socket) {
    connections.add(socket);
    try (socket) {
      socket.setSoTimeout(30_000);
      socket.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      var out = socket.getOutputStream();
      while (running) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException e) {
          return;
        }
        byte[] request = new byte[length];
        in.readFully(request);
        Optional<byte[]> reply = handle(request, false);
        if (reply.isPresent()) {
          byte[] framed = new byte[reply.get().length + 2];
          framed[0] = (byte) (reply.get().length >>> 8);
          framed[1] = (byte) reply.get().length;
          System.arraycopy(reply.get(), 0, framed, 2, reply.get().length);
          out.write(framed);
          out.flush();
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("DNS server TCP connection ended: {}", e.toString());
    } finally {
      connections.remove(socket);
    }
  }

  /** The reply to one request; empty when the request is not even a DNS header. */
  Optional<byte[]> handle(byte[] wire, boolean udpTransport) {
    Message request;
    try {
      request = new Message(wire);
    } catch (IOException e) {
      return formatError(wire);
    }
    if (request.getHeader().getFlag(Flags.QR)) {
      return Optional.empty();
    }
    Message response = new Message(request.getHeader().getID());
    Header header = response.getHeader();
    header.setFlag(Flags.QR);
    header.setOpcode(request.getHeader().getOpcode());
    if (request.getHeader().getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    OPTRecord opt = request.getOPT();
    int maxLength = 65535;
    if (udpTransport) {
      maxLength =
          opt == null
              ? PLAIN_UDP_PAYLOAD
              : Math.max(PLAIN_UDP_PAYLOAD, Math.min(opt.getPayloadSize(), MAX_UDP_PAYLOAD));
    }
    if (opt != null) {
      response.addRecord(new OPTRecord(MAX_UDP_PAYLOAD, 0, 0), Section.ADDITIONAL);
    }
    Record question = request.getQuestion();
    if (question != null) {
      response.addRecord(question, Section.QUESTION);
    }
    int opcode = request.getHeader().getOpcode();
    if (question == null || (opcode != Opcode.QUERY && opcode != Opcode.UPDATE)) {
      header.setRcode(question == null ? Rcode.FORMERR : Rcode.NOTIMP);
      return Optional.of(response.toWire(maxLength));
    }
    TsigCheck.Result tsig = tsigCheck.check(request, wire);
    tsig.applyTo(response);
    if (tsig.signed() && !tsig.verified()) {
      header.setRcode(Rcode.NOTAUTH);
      log.info(
          "DNS {} for {} refused: TSIG {} with key {}",
          opcode == Opcode.UPDATE ? "update" : "query",
          question.getName(),
          Rcode.TSIGstring(tsig.error()),
          tsig.keyName());
      return Optional.of(response.toWire(maxLength));
    }
    if (opcode == Opcode.QUERY) {
      lock.readLock().lock();
      try {
        QueryAnswerer.answer(zones, request, response);
      } finally {
        lock.readLock().unlock();
      }
    } else {
      header.setRcode(update(request, tsig));
    }
    return Optional.of(response.toWire(maxLength));
  }

  private int update(Message request, TsigCheck.Result tsig) {
    List<Record> zoneSection = request.getSection(Section.ZONE);
    if (zoneSection.size() != 1 || zoneSection.get(0).getType() != Type.SOA) {
      return Rcode.FORMERR;
    }
    Name apex = zoneSection.get(0).getName();
    if (!tsig.verified()) {
      log.info("DNS update of {} refused: not signed with a TSIG key", apex);
      return Rcode.REFUSED;
    }
    lock.writeLock().lock();
    try {
      ZoneData zone = zones.stream().filter(z -> z.apex().equals(apex)).findFirst().orElse(null);
      if (zone == null) {
        log.info("DNS update of {} refused: zone not served here", apex);
        return Rcode.NOTAUTH;
      }
      int rcode = UpdateApplier.apply(zone, request);
      log.info(
          "DNS update of {} with key {}: {} (serial {})",
          apex,
          tsig.keyName(),
          Rcode.string(rcode),
          zone.soa().getSerial());
      return rcode;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static Optional<byte[]> formatError(byte[] wire) {
    if (wire.length < Header.LENGTH) {
      return Optional.empty();
    }
    try {
      Header requestHeader = new Header(Arrays.copyOf(wire, Header.LENGTH));
      Message response = new Message(requestHeader.getID());
      response.getHeader().setFlag(Flags.QR);
      response.getHeader().setOpcode(requestHeader.getOpcode());
      response.getHeader().setRcode(Rcode.FORMERR);
      return Optional.of(response.toWire(PLAIN_UDP_PAYLOAD));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
