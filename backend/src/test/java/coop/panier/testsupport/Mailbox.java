package coop.panier.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;

import coop.panier.integrations.MailDeliveries;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** What a member finds in their mailbox on the tests' SMTP server (GreenMail). */
public final class Mailbox {

    private Mailbox() {
    }

    /**
     * Empties every mailbox. Not GreenMail's reset(), which stops and starts the server: a mail
     * sent while it starts again waits for its 30 s timeout and fails.
     */
    public static void empty() {
        try {
            GreenMailTestResource.server().purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The mail server comes back, and the mailer's pool is rid of the connections the stopped
     * server closed (a warm-up mail, tried until one goes), so that the next test's mails go
     * through at the first try.
     */
    public static void serverBack(io.quarkus.mailer.Mailer mailer) {
        GreenMailTestResource.up();
        for (int i = 0; i < 12; i++) {
            try {
                mailer.send(io.quarkus.mailer.Mail.withText("warm-up@panier.example", "warm-up", "warm-up"));
                break;
            } catch (RuntimeException stale) {
                // a pooled connection to the stopped server: dropped, the next try opens another
            }
        }
    }

    /** Has the worker send every mail due, as it would on its next runs. */
    public static void sendAll(MailDeliveries mails) {
        while (mails.sendOne()) {
            // until nothing is due
        }
    }

    public static List<MimeMessage> to(String email) {
        return Arrays.stream(GreenMailTestResource.server().getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1)))
                .filter(m -> {
                    try {
                        return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(email);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    public static List<String> subjects(String email) {
        return to(email).stream().map(Mailbox::subject).toList();
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part, decoded, as the member's mail program shows it; and there is an HTML part too. */
    public static String text(MimeMessage mail) throws Exception {
        var parts = (MimeMultipart) mail.getContent();
        String text = null;
        boolean html = false;
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            }
            html |= part.isMimeType("text/html");
        }
        assertThat(html).as("an HTML part").isTrue();
        return text;
    }

    /** The one mail whose subject starts so. */
    public static MimeMessage only(String email, String subjectStart) {
        List<MimeMessage> found = to(email).stream().filter(m -> subject(m).startsWith(subjectStart)).toList();
        assertThat(found).as("mails to %s starting « %s »", email, subjectStart).hasSize(1);
        return found.get(0);
    }
}
