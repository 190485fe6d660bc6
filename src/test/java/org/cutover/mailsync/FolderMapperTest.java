package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.junit.jupiter.api.Test;

class FolderMapperTest {

  /** Builds a listing from raw LIST lines, as a server sends them (names in modified UTF-7). */
  private static FolderLister.Listing listing(String prefix, char sep, String... lines) {
    List<ListInfo> infos = new ArrayList<>();
    for (String l : lines) {
      try {
        infos.add(new ListInfo(new IMAPResponse("* LIST " + l, false)));
      } catch (Exception e) {
        throw new IllegalArgumentException(l, e);
      }
    }
    return FolderLister.build(infos, new ImapCommands.NamespaceInfo(prefix, sep, List.of()));
  }

  private static final FolderLister.Listing DANISH_DOT =
      listing(
          "",
          '.',
          "(\\HasNoChildren) \".\" INBOX",
          "(\\HasChildren \\Sent \\Subscribed) \".\" \"Sendt post\"",
          "(\\HasNoChildren \\Subscribed) \".\" \"Sendt post.2019\"",
          "(\\HasNoChildren \\Drafts) \".\" Kladder",
          "(\\HasNoChildren \\Trash) \".\" \"Slettet post\"",
          "(\\HasNoChildren \\Junk) \".\" \"U&APg-nsket mail\"",
          "(\\HasNoChildren \\Archive) \".\" Arkiv",
          "(\\HasNoChildren) \".\" &ANg-konomi",
          "(\\HasNoChildren) \".\" Kunder.&AMY-r&APg-",
          "(\\HasNoChildren) \".\" \"Billeder &2D3c9w-\"",
          "(\\HasNoChildren) \".\" \"Family &- Friends\"",
          "(\\HasNoChildren) \".\" Projects.2024.Q1",
          "(\\Noselect \\HasChildren) \".\" Kunder",
          "(\\HasNoChildren) \".\" INBOX.Receipts");

  private static final FolderLister.Listing ENGLISH_SLASH =
      listing(
          "",
          '/',
          "(\\HasNoChildren) \"/\" INBOX",
          "(\\HasNoChildren \\Sent) \"/\" Sent",
          "(\\HasNoChildren \\Drafts) \"/\" Drafts",
          "(\\HasNoChildren \\Trash) \"/\" Trash",
          "(\\HasNoChildren \\Junk) \"/\" Junk",
          "(\\HasNoChildren \\Archive) \"/\" Archive");

  private static Map<String, String> targets(FolderMapper.Plan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    plan.pairings().forEach(p -> out.put(p.source().name(), p.targetName()));
    return out;
  }

  @Test
  void sendsEachSpecialFolderToTheTargetsFolderOfTheSameRoleWhateverItsName() {
    Map<String, String> t =
        targets(FolderMapper.plan(DANISH_DOT, ENGLISH_SLASH, SyncOptions.defaults()));

    assertThat(t)
        .containsEntry("Sendt post", "Sent")
        .containsEntry("Kladder", "Drafts")
        .containsEntry("Slettet post", "Trash")
        .containsEntry("Uønsket mail", "Junk")
        .containsEntry("Arkiv", "Archive")
        .containsEntry("INBOX", "INBOX");
  }

  @Test
  void subfoldersOfASpecialFolderFollowIt() {
    Map<String, String> t =
        targets(FolderMapper.plan(DANISH_DOT, ENGLISH_SLASH, SyncOptions.defaults()));

    assertThat(t).containsEntry("Sendt post.2019", "Sent/2019");
  }

  @Test
  void rebuildsNamesWithTheTargetsSeparatorKeepingNonAsciiLevels() {
    Map<String, String> t =
        targets(FolderMapper.plan(DANISH_DOT, ENGLISH_SLASH, SyncOptions.defaults()));

    assertThat(t)
        .containsEntry("Projects.2024.Q1", "Projects/2024/Q1")
        .containsEntry("Kunder.Ærø", "Kunder/Ærø")
        .containsEntry("Økonomi", "Økonomi")
        .containsEntry("Billeder 📷", "Billeder 📷")
        .containsEntry("Family & Friends", "Family & Friends")
        .containsEntry("INBOX.Receipts", "INBOX/Receipts");
  }

  @Test
  void leavesOutFoldersThatCannotHoldMail() {
    Map<String, String> t =
        targets(FolderMapper.plan(DANISH_DOT, ENGLISH_SLASH, SyncOptions.defaults()));

    assertThat(t).doesNotContainKey("Kunder");
  }

  @Test
  void knowsWhichTargetFoldersExistAlready() {
    FolderMapper.Plan plan = FolderMapper.plan(DANISH_DOT, ENGLISH_SLASH, SyncOptions.defaults());

    assertThat(plan.pairings())
        .filteredOn(FolderPairing::targetExists)
        .extracting(FolderPairing::targetName)
        .containsExactlyInAnyOrder("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive");
    assertThat(plan.pairings().get(0).source().isInbox()).isTrue();
  }

  @Test
  void stripsTheSourcePrefixAndAddsTheTargetPrefix() {
    FolderLister.Listing courier =
        listing(
            "INBOX.",
            '.',
            "(\\HasChildren) \".\" INBOX",
            "(\\HasNoChildren) \".\" INBOX.Sent",
            "(\\HasNoChildren) \".\" INBOX.Projects.Alpha");
    FolderLister.Listing cyrusTarget =
        listing(
            "INBOX/",
            '/',
            "(\\HasNoChildren) \"/\" INBOX",
            "(\\HasNoChildren \\Sent) \"/\" \"INBOX/Sent Items\"");

    Map<String, String> t =
        targets(FolderMapper.plan(courier, cyrusTarget, SyncOptions.defaults()));

    assertThat(t)
        .containsEntry("INBOX", "INBOX")
        .containsEntry("INBOX.Sent", "INBOX/Sent Items")
        .containsEntry("INBOX.Projects.Alpha", "INBOX/Projects/Alpha");
  }

  @Test
  void recognisesSpecialFoldersByNameWhereTheServerMarksNone() {
    FolderLister.Listing exchange2010 =
        listing(
            "",
            '/',
            "(\\HasNoChildren) \"/\" INBOX",
            "(\\HasNoChildren) \"/\" \"Sent Items\"",
            "(\\HasNoChildren) \"/\" \"Deleted Items\"",
            "(\\HasNoChildren) \"/\" \"Junk E-mail\"",
            "(\\HasNoChildren) \"/\" \"Sendte elementer\"");

    Map<String, String> t =
        targets(FolderMapper.plan(exchange2010, ENGLISH_SLASH, SyncOptions.defaults()));

    assertThat(t)
        .containsEntry("Sent Items", "Sent")
        .containsEntry("Deleted Items", "Trash")
        .containsEntry("Junk E-mail", "Junk")
        // a second Sent by name keeps its own name
        .containsEntry("Sendte elementer", "Sendte elementer");
  }

  @Test
  void anExplicitMapWinsAndItsSubfoldersFollow() {
    FolderLister.Listing src =
        listing(
            "",
            '.',
            "(\\HasNoChildren) \".\" INBOX",
            "(\\HasChildren) \".\" Old",
            "(\\HasNoChildren) \".\" Old.Mail",
            "(\\HasNoChildren \\Sent) \".\" \"Sendt post\"");
    SyncOptions o =
        SyncOptions.defaults().toBuilder()
            .folderMap(Map.of("Old", "Archive/Old server", "Sendt post", "Sent from old"))
            .build();

    Map<String, String> t = targets(FolderMapper.plan(src, ENGLISH_SLASH, o));

    assertThat(t)
        .containsEntry("Old", "Archive/Old server")
        .containsEntry("Old.Mail", "Archive/Old server/Mail")
        .containsEntry("Sendt post", "Sent from old");
  }

  @Test
  void excludesFoldersByPatternIgnoringCaseAndReportsThem() {
    FolderLister.Listing exchange =
        listing(
            "",
            '/',
            "(\\HasNoChildren) \"/\" INBOX",
            "(\\HasChildren) \"/\" Calendar",
            "(\\HasNoChildren) \"/\" Calendar/Birthdays",
            "(\\HasNoChildren) \"/\" contacts",
            "(\\HasNoChildren) \"/\" \"Notes to self\"");

    FolderMapper.Plan plan = FolderMapper.plan(exchange, ENGLISH_SLASH, SyncOptions.defaults());

    assertThat(targets(plan)).containsOnlyKeys("INBOX", "Notes to self");
    assertThat(plan.excluded())
        .extracting(SkippedFolder::folder)
        .containsExactly("Calendar", "Calendar/Birthdays", "contacts");
    assertThat(plan.excluded().get(0).reason()).contains("excluded by pattern 'Calendar'");
  }

  @Test
  void matchesExclusionPatternsWithStarsAnywhereIgnoringCase() {
    assertThat(FolderMapper.globMatches("Calendar", "calendar")).isTrue();
    assertThat(FolderMapper.globMatches("Calendar", "Calendar/Birthdays")).isFalse();
    assertThat(FolderMapper.globMatches("Calendar/*", "Calendar/Birthdays")).isTrue();
    assertThat(FolderMapper.globMatches("*", "")).isTrue();
    assertThat(FolderMapper.globMatches("*Sync Issues*", "Sync Issues/Conflicts")).isTrue();
    assertThat(FolderMapper.globMatches("a*b*c", "AxxBxxBxxC")).isTrue();
    assertThat(FolderMapper.globMatches("a*b*c", "axxcxxb")).isFalse();
    assertThat(FolderMapper.globMatches("ab*ab", "ab")).isFalse();
    assertThat(FolderMapper.globMatches("ab*ab", "abab")).isTrue();
    assertThat(FolderMapper.globMatches("*.old", "Mail.old.old")).isTrue();
    assertThat(FolderMapper.globMatches("Kalender*", "KALENDER Ærø")).isTrue();
    assertThat(FolderMapper.globMatches("*ærø", "Tur til ÆRØ")).isTrue();
    assertThat(FolderMapper.globMatches("a.c", "abc")).isFalse(); // no pattern syntax but the star
    assertThat(FolderMapper.globMatches("**x", "yx")).isTrue();
  }

  @Test
  void splitsFolderNamesAtTheDelimiterOnly() {
    assertThat(FolderLister.pathOf("Sendt post.2024.Q1", '.', ""))
        .containsExactly("Sendt post", "2024", "Q1");
    assertThat(FolderLister.pathOf("INBOX.a..b.", '.', "INBOX.")).containsExactly("a", "", "b", "");
    assertThat(FolderLister.pathOf("a|b", '|', "")).containsExactly("a", "b");
    assertThat(FolderLister.pathOf("x/y.z", '\0', "")).containsExactly("x/y.z");
    assertThat(FolderLister.pathOf("inbox/Sub", '/', "")).containsExactly("INBOX", "Sub");
  }

  @Test
  void replacesTheTargetsSeparatorInsideALevelAndSaysSo() {
    FolderLister.Listing src =
        listing(
            "", '.', "(\\HasNoChildren) \".\" INBOX", "(\\HasNoChildren) \".\" \"2024/25 budget\"");

    FolderMapper.Plan plan = FolderMapper.plan(src, ENGLISH_SLASH, SyncOptions.defaults());

    assertThat(targets(plan)).containsEntry("2024/25 budget", "2024_25 budget");
    assertThat(plan.notes()).singleElement().asString().contains("'2024/25 budget'");
  }

  @Test
  void aLevelRenamedForTheSeparatorNeverLandsInAnotherSourceFoldersTargetFolder() {
    FolderLister.Listing src =
        listing(
            "",
            '/',
            "(\\HasNoChildren) \"/\" INBOX",
            "(\\HasChildren) \"/\" dot.name",
            "(\\HasNoChildren) \"/\" dot.name/child",
            "(\\HasNoChildren) \"/\" dot_name",
            "(\\HasNoChildren) \"/\" \"dot_name (2)\"");
    FolderLister.Listing dot = listing("", '.', "(\\HasNoChildren) \".\" INBOX");

    FolderMapper.Plan plan = FolderMapper.plan(src, dot, SyncOptions.defaults());

    assertThat(targets(plan))
        .containsEntry("dot_name", "dot_name")
        .containsEntry("dot_name (2)", "dot_name (2)")
        .containsEntry("dot.name", "dot_name (3)")
        .containsEntry("dot.name/child", "dot_name (3).child");
    assertThat(plan.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("'dot.name' would share the target folder 'dot_name'")
                    .contains("named 'dot_name (3)'"));
  }

  @Test
  void aPlainFolderNamedLikeTheTargetsSpecialFolderDoesNotMergeIntoIt() {
    List<String> lines = new ArrayList<>(List.of("(\\HasNoChildren) \".\" INBOX"));
    lines.add("(\\HasNoChildren \\Sent) \".\" \"Sendt post\"");
    lines.add("(\\HasNoChildren) \".\" Sent");
    FolderLister.Listing src = listing("", '.', lines.toArray(String[]::new));

    Map<String, String> t = targets(FolderMapper.plan(src, ENGLISH_SLASH, SyncOptions.defaults()));

    assertThat(t).containsEntry("Sendt post", "Sent").containsEntry("Sent", "Sent (2)");
  }

  @Test
  void twoFoldersTheMapSendsToOneTargetFolderAreMergedAsAsked() {
    SyncOptions merge =
        SyncOptions.defaults().toBuilder()
            .folderMap(Map.of("Old", "Archive", "Older", "Archive"))
            .build();
    FolderLister.Listing src =
        listing(
            "",
            '/',
            "(\\HasNoChildren) \"/\" INBOX",
            "(\\HasNoChildren) \"/\" Old",
            "(\\HasNoChildren) \"/\" Older");

    Map<String, String> t = targets(FolderMapper.plan(src, ENGLISH_SLASH, merge));

    assertThat(t).containsEntry("Old", "Archive").containsEntry("Older", "Archive");
  }

  @Test
  void asksForTheRoleWhenCreatingASpecialFolderTheTargetLacks() {
    FolderLister.Listing bare = listing("", '/', "(\\HasNoChildren) \"/\" INBOX");

    FolderMapper.Plan plan = FolderMapper.plan(DANISH_DOT, bare, SyncOptions.defaults());

    FolderPairing sent =
        plan.pairings().stream()
            .filter(p -> p.source().name().equals("Sendt post"))
            .findFirst()
            .orElseThrow();
    assertThat(sent.targetName()).isEqualTo("Sendt post");
    assertThat(sent.role()).isEqualTo(SpecialUse.SENT);
    assertThat(sent.targetExists()).isFalse();
  }
}
