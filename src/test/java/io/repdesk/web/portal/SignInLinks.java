package io.repdesk.web.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

import io.repdesk.security.PortalSignInLinkRequested;

/**
 * Catches the sign-in links the portal asks to be sent, whichever thread asks, for as long as it is open.
 * Listening through the context's multicaster leaves the shared test application as it was.
 */
final class SignInLinks implements ApplicationListener<PayloadApplicationEvent<PortalSignInLinkRequested>>,
        AutoCloseable {

    private final List<PortalSignInLinkRequested> sent = new CopyOnWriteArrayList<>();
    private final ApplicationEventMulticaster multicaster;

    private SignInLinks(ApplicationEventMulticaster multicaster) {
        this.multicaster = multicaster;
    }

    static SignInLinks listen(ApplicationContext context) {
        ApplicationEventMulticaster multicaster = context.getBean(
                AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class);
        SignInLinks links = new SignInLinks(multicaster);
        multicaster.addApplicationListener(links);
        return links;
    }

    @Override
    public synchronized void onApplicationEvent(PayloadApplicationEvent<PortalSignInLinkRequested> event) {
        sent.add(event.getPayload());
        notifyAll();
    }

    List<PortalSignInLinkRequested> to(String email) {
        return sent.stream().filter(e -> e.email().equalsIgnoreCase(email)).toList();
    }

    /** The newest link sent to the address, waiting for it up to 20 seconds. */
    synchronized String awaitLink(String email) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<PortalSignInLinkRequested> found = to(email);
        while (found.isEmpty()) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("No sign-in link was sent to " + email);
            }
            wait(left);
            found = to(email);
        }
        return found.getLast().link();
    }

    @Override
    public void close() {
        multicaster.removeApplicationListener(this);
    }
}
