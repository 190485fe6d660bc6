package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagSetTest {

  @Test
  void ordersSystemFlagsFirstAndDropsRecent() {
    FlagSet f = FlagSet.of(List.of("$label1", "\\recent", "\\seen", "NonJunk", "\\Flagged"));

    assertThat(f.stored()).isEqualTo("\\Seen \\Flagged $label1 NonJunk");
    assertThat(f.imapList()).isEqualTo("(\\Seen \\Flagged $label1 NonJunk)");
  }

  @Test
  void comparesIgnoringCaseAsImapDoes() {
    assertThat(FlagSet.parse("$Forwarded \\Seen").sameAs(FlagSet.parse("\\SEEN $forwarded")))
        .isTrue();
    assertThat(FlagSet.parse("\\Seen").sameAs(FlagSet.parse("\\Seen \\Answered"))).isFalse();
  }

  @Test
  void computesWhatWasAddedAndRemoved() {
    FlagSet before = FlagSet.parse("\\Seen $label1");
    FlagSet now = FlagSet.parse("\\Seen \\Flagged");

    assertThat(now.minus(before).stored()).isEqualTo("\\Flagged");
    assertThat(before.minus(now).stored()).isEqualTo("$label1");
  }

  @Test
  void keepsOnlyWhatTheTargetMailboxAccepts() {
    Flags permanent = new Flags();
    permanent.add(Flags.Flag.SEEN);
    permanent.add(Flags.Flag.FLAGGED);
    permanent.add("$Forwarded");
    FlagSet.FlagRules rules = FlagSet.FlagRules.of(permanent);

    FlagSet kept = FlagSet.parse("\\Seen \\Draft $Forwarded $label1").keptBy(rules);

    assertThat(kept.stored()).isEqualTo("\\Seen $Forwarded");
  }

  @Test
  void acceptsAnyKeywordWhenTheTargetSaysSo() {
    Flags permanent = new Flags();
    permanent.add(Flags.Flag.SEEN);
    permanent.add(Flags.Flag.USER);

    FlagSet kept = FlagSet.parse("\\Seen $label1 NonJunk").keptBy(FlagSet.FlagRules.of(permanent));

    assertThat(kept.stored()).isEqualTo("\\Seen $label1 NonJunk");
  }
}
