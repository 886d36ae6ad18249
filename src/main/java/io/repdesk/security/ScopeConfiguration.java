package io.repdesk.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Checks API tokens' scopes once the endpoint a request goes to is known. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ScopeConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeCheck()).addPathPatterns("/api/**");
    }
}
