package io.repdesk.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Once the handler a request goes to is known: checks the signed-in account's permission for it, then an API
 * token's scopes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ScopeConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionCheck()).addPathPatterns("/**");
        registry.addInterceptor(new ScopeCheck()).addPathPatterns("/api/**");
    }
}
