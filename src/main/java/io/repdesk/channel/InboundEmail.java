package io.repdesk.channel;

import java.util.List;
import java.util.Map;

import io.repdesk.shared.ContactId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** What the inbound email channel tells the workspace: its mailboxes, what it set aside, files it refused. */
public interface InboundEmail {

    /** The configured mailboxes and how their readers fare on this node. */
    List<MailboxStatus> mailboxes();

    /** Bounces, auto-replies and unreadable messages, newest first. */
    Page<IgnoredEmail> ignored(PageRequest page);

    /** The files refused from the given contacts' emails, by contact. */
    Map<ContactId, List<RefusedFile>> refusedFiles(List<ContactId> contacts);
}
