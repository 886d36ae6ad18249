package io.repdesk.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/** The single sign-on providers configured under {@code spring.security.oauth2.client.registration}; none by default. */
@Component
public class SingleSignOnProviders {

    /** One provider as the sign-in page offers it. */
    public record Provider(String id, String name, String path) {
    }

    private final List<Provider> providers;

    SingleSignOnProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                found.add(new Provider(registration.getRegistrationId(), registration.getClientName(),
                        "/oauth2/authorization/" + registration.getRegistrationId()));
            }
        }
        this.providers = List.copyOf(found);
    }

    public List<Provider> all() {
        return providers;
    }
}
