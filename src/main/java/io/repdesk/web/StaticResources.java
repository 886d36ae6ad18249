package io.repdesk.web;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The files repdesk serves as they are: its stylesheet, scripts and icon (also at {@code /favicon.ico}), and the
 * webjars (htmx, Chart.js) under version-free paths. Only these paths are mapped
 * ({@code spring.web.resources.add-mappings=false} turns off the catch-all {@code /**} mapping): every link a
 * page writes is offered to the mapped handlers to be rewritten
 * (a webjar path gets its version), and with a catch-all mapping each link of a page (a need, a case, a
 * customer) was first looked for as a file in the application jar — most of the time a page of 200 rows took.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/").resourceChain(true);
        // browsers that ask for the icon at its old path (before reading a page's <link rel="icon">) get the same one
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/").resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String resourcePath, Resource location) throws IOException {
                        return super.getResource("favicon.svg", location);
                    }
                });
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
