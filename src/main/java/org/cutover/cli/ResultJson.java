package org.cutover.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.cutover.mailsync.SkippedFolder;
import org.cutover.mailsync.SkippedItem;
import org.cutover.mailsync.SyncStatistics;

/** The run's result as one JSON object ({@code --json}): what the table shows, for programs. */
final class ResultJson {

  private ResultJson() {}

  static void print(List<MailboxResult> results, Duration elapsed, PrintStream out) {
    try (JsonGenerator json = new JsonFactory().createGenerator(new NonClosing(out))) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeBooleanField("complete", results.stream().allMatch(MailboxResult::complete));
      json.writeNumberField("seconds", elapsed.toMillis() / 1000.0);
      json.writeArrayFieldStart("mailboxes");
      for (MailboxResult result : results) {
        mailbox(json, result);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private static void mailbox(JsonGenerator json, MailboxResult result) throws IOException {
    SyncStatistics s = result.statistics();
    json.writeStartObject();
    json.writeStringField("mailbox", result.label());
    json.writeStringField("result", result.status());
    json.writeBooleanField("complete", result.complete());
    json.writeNumberField("folders", s.foldersSynced());
    json.writeNumberField("messagesCopied", s.messagesCopied());
    json.writeNumberField("bytesCopied", s.bytesCopied());
    json.writeNumberField("flagsUpdated", s.flagsUpdated());
    json.writeNumberField("messagesMatched", s.messagesMatched());
    json.writeNumberField("messagesSkipped", s.messagesSkipped());
    json.writeNumberField("messagesRejected", s.messagesRejected());
    json.writeNumberField("deletedOnTarget", s.deletedOnTarget());
    json.writeNumberField("seconds", s.elapsed().toMillis() / 1000.0);
    if (result.problem() != null) {
      json.writeStringField("problem", result.problem());
    }
    json.writeArrayFieldStart("skippedItems");
    for (SkippedItem item : result.skippedItems()) {
      json.writeStartObject();
      json.writeStringField("folder", item.folder());
      json.writeNumberField("sourceUid", item.sourceUid());
      json.writeNumberField("size", item.size());
      json.writeStringField(
          "internalDate", item.internalDate() == null ? null : item.internalDate().toString());
      json.writeStringField("messageId", item.messageId());
      json.writeStringField("subject", item.subject());
      json.writeStringField("reason", item.reason().name());
      json.writeStringField("detail", item.detail());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("skippedFolders");
    for (SkippedFolder folder : result.skippedFolders()) {
      json.writeStartObject();
      json.writeStringField("folder", folder.folder());
      json.writeStringField("reason", folder.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("notes");
    for (String note : result.notes()) {
      json.writeString(note);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Standard output stays open after the JSON is written. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(PrintStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
