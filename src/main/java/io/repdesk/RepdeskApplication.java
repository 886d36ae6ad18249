package io.repdesk;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The repdesk application; each direct subpackage is a Spring Modulith module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "repdesk", sharedModules = { "shared", "journal", "cluster" })
public class RepdeskApplication {
}
