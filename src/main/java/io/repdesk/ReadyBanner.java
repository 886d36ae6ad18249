package io.repdesk;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started repdesk where to find it once it takes requests. */
@Component
class ReadyBanner {

    @EventListener
    @Order(1)
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        double seconds = event.getTimeTaken() == null ? 0 : event.getTimeTaken().toMillis() / 1000.0;
        System.out.printf("%nrepdesk is ready at http://localhost:%s/ (started in %.1f s)%n", port, seconds);
    }
}
