package io.repdesk.web.api;

import java.util.Arrays;
import java.util.List;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.repdesk.security.ApiScope;
import io.repdesk.security.RequiresScope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document's account of signing in: API tokens (bearer) or agents (HTTP Basic), and on each
 * operation the scopes a token needs ({@code x-repdesk-scopes}, also said in its description).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String TOKEN = "token";
    static final String AGENT = "agent";

    @Bean
    OpenAPI repdeskApi() {
        return new OpenAPI()
                .info(new Info().title("repdesk API").version("v1"))
                .components(new Components()
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("rdk_…")
                                .description("An API token issued on the admin page API tokens; each operation "
                                        + "names the scopes it needs"))
                        .addSecuritySchemes(AGENT, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("An agent account; not limited by scopes")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN))
                .addSecurityItem(new SecurityRequirement().addList(AGENT));
    }

    @Bean
    OperationCustomizer requiredScopes() {
        return (operation, handler) -> {
            RequiresScope required = handler.getMethodAnnotation(RequiresScope.class);
            if (required != null) {
                List<String> scopes = Arrays.stream(required.value()).map(ApiScope::value).toList();
                operation.addExtension("x-repdesk-scopes", scopes);
                String needs = "API tokens need the scope" + (scopes.size() > 1 ? "s " : " ")
                        + String.join(" and ", scopes) + ".";
                operation.setDescription(operation.getDescription() == null ? needs
                        : operation.getDescription() + "\n\n" + needs);
            }
            return operation;
        };
    }
}
