package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DnsZone} adapter that changes the zone itself must do. A subclass serves the
 * zone {@code example.test} with {@link BindServer#EXAMPLE_ZONE}'s records, fresh for each test,
 * and returns a new adapter for it from {@link #zone()}.
 */
public abstract class DnsZoneContract {

  protected static final String APEX = "example.test.";

  /** A new adapter for the test's zone; two calls give two independent writers. */
  protected abstract DnsZone zone();

  private static RecordSet mx(long ttl, String... values) {
    return RecordSet.of(APEX, RecordType.MX, ttl, values);
  }

  private RecordSet present(String name, RecordType type) {
    ZoneRead read = zone().read(name, type);
    assertThat(read).as(read.describe()).isInstanceOf(ZoneRead.Present.class);
    return ((ZoneRead.Present) read).records();
  }

  @Test
  void readsARecordSetWithItsTtl() {
    assertThat(present(APEX, RecordType.MX)).isEqualTo(mx(3600, "10 mail.example.test."));
  }

  @Test
  void readsAnAbsentRecordSet() {
    assertThat(zone().read("nothing.example.test", RecordType.TXT))
        .isEqualTo(new ZoneRead.Absent("nothing.example.test.", RecordType.TXT));
    assertThat(zone().read(APEX, RecordType.CNAME))
        .isEqualTo(new ZoneRead.Absent(APEX, RecordType.CNAME));
  }

  @Test
  void createsARecordSetWhereNoneWas() {
    RecordSet wanted = RecordSet.txt("created.example.test", 600, List.of("hello", "world"));

    ZoneChange change = zone().upsert(wanted, Optional.empty());

    assertThat(change).isEqualTo(new ZoneChange.Applied(Optional.of(wanted)));
    assertThat(present("created.example.test", RecordType.TXT)).isEqualTo(wanted);
  }

  @Test
  void replacesTheWholeRecordSet() {
    RecordSet two = mx(3600, "10 mail.example.test.", "20 backup.example.net.");
    assertThat(zone().upsert(two, Optional.of(mx(3600, "10 mail.example.test."))))
        .isInstanceOf(ZoneChange.Applied.class);
    RecordSet target = mx(300, "0 example-test.mail.protection.outlook.com.");

    ZoneChange change = zone().upsert(target, Optional.of(two));

    assertThat(change).isEqualTo(new ZoneChange.Applied(Optional.of(target)));
    assertThat(present(APEX, RecordType.MX)).isEqualTo(target);
  }

  @Test
  void changesTheTtlOfEveryRecord() {
    RecordSet two = mx(3600, "10 mail.example.test.", "20 backup.example.net.");
    zone().upsert(two, Optional.of(mx(3600, "10 mail.example.test.")));

    ZoneChange change = zone().upsert(two.withTtl(300), Optional.of(two));

    assertThat(change).isEqualTo(new ZoneChange.Applied(Optional.of(two.withTtl(300))));
    assertThat(present(APEX, RecordType.MX).ttl()).isEqualTo(300);
  }

  @Test
  void changesNothingWhenTheRecordSetIsAlreadyAsWanted() {
    RecordSet current = present(APEX, RecordType.MX);

    assertThat(zone().upsert(current, Optional.of(current)))
        .isEqualTo(new ZoneChange.Applied(Optional.of(current)));
    assertThat(present(APEX, RecordType.MX)).isEqualTo(current);
  }

  @Test
  void detectsAChangeMadeSinceTheRecordSetWasRead() {
    RecordSet readByUs = present(APEX, RecordType.MX);
    RecordSet someoneElses = mx(3600, "5 other.example.net.");
    assertThat(zone().upsert(someoneElses, Optional.of(readByUs)))
        .isInstanceOf(ZoneChange.Applied.class);

    ZoneChange change =
        zone()
            .upsert(mx(300, "0 example-test.mail.protection.outlook.com."), Optional.of(readByUs));

    assertThat(change).isInstanceOf(ZoneChange.Conflict.class);
    assertThat(((ZoneChange.Conflict) change).found()).contains(someoneElses);
    assertThat(present(APEX, RecordType.MX)).isEqualTo(someoneElses);
  }

  @Test
  void doesNotCreateARecordSetThatAppearedMeanwhile() {
    RecordSet theirs = RecordSet.txt("raced.example.test", 300, List.of("theirs"));
    assertThat(zone().upsert(theirs, Optional.empty())).isInstanceOf(ZoneChange.Applied.class);

    ZoneChange change =
        zone().upsert(RecordSet.txt("raced.example.test", 300, List.of("ours")), Optional.empty());

    assertThat(change).isInstanceOf(ZoneChange.Conflict.class);
    assertThat(present("raced.example.test", RecordType.TXT)).isEqualTo(theirs);
  }

  @Test
  void deletesARecordSet() {
    RecordSet txt = RecordSet.txt("gone.example.test", 300, List.of("bye"));
    zone().upsert(txt, Optional.empty());

    ZoneChange change = zone().delete(txt);

    assertThat(change).isEqualTo(new ZoneChange.Applied(Optional.empty()));
    assertThat(zone().read("gone.example.test", RecordType.TXT))
        .isInstanceOf(ZoneRead.Absent.class);
  }

  @Test
  void doesNotDeleteARecordSetThatChanged() {
    RecordSet ours = RecordSet.txt("kept.example.test", 300, List.of("ours"));
    RecordSet theirs = RecordSet.txt("kept.example.test", 300, List.of("theirs"));
    zone().upsert(ours, Optional.empty());
    zone().upsert(theirs, Optional.of(ours));

    ZoneChange change = zone().delete(ours);

    assertThat(change).isInstanceOf(ZoneChange.Conflict.class);
    assertThat(present("kept.example.test", RecordType.TXT)).isEqualTo(theirs);
  }

  @Test
  void leavesOtherTypesAtTheNameAlone() {
    RecordSet spf = present(APEX, RecordType.TXT);

    zone().upsert(mx(300, "0 a.example.net."), Optional.of(mx(3600, "10 mail.example.test.")));

    assertThat(present(APEX, RecordType.TXT)).isEqualTo(spf);
  }

  @Test
  void createsACname() {
    RecordSet cname =
        RecordSet.of(
            "autodiscover.example.test", RecordType.CNAME, 3600, "autodiscover.outlook.com.");

    assertThat(zone().upsert(cname, Optional.empty()))
        .isEqualTo(new ZoneChange.Applied(Optional.of(cname)));
    assertThat(present("autodiscover.example.test", RecordType.CNAME)).isEqualTo(cname);
  }

  @Test
  void reportsACnameBesideOtherRecordsAsNotApplied() {
    RecordSet cname =
        RecordSet.of("mail.example.test", RecordType.CNAME, 3600, "autodiscover.outlook.com.");

    ZoneChange change = zone().upsert(cname, Optional.empty());

    assertThat(change).isInstanceOf(ZoneChange.NotApplied.class);
    assertThat(((ZoneChange.NotApplied) change).found()).isEmpty();
    assertThat(present("mail.example.test", RecordType.A).values()).containsExactly("192.0.2.25");
  }

  @Test
  void refusesANameOutsideTheZone() {
    ZoneChange change =
        zone().upsert(RecordSet.txt("elsewhere.example.net", 300, List.of("x")), Optional.empty());

    assertThat(change).isInstanceOf(ZoneChange.Rejected.class);
    assertThat(((ZoneChange.Rejected) change).reason()).contains("outside zone example.test.");
  }
}
