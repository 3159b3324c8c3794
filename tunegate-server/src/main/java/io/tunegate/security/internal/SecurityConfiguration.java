package io.tunegate.security.internal;

import io.tunegate.security.Projects;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthenticationFilter(Projects projects, JsonMapper json) {
        // provider webhooks carry the provider's signature, not one of our keys: their controllers verify it
        var registration = new FilterRegistrationBean<>(new ApiKeyAuthenticationFilter(projects, json,
                "/v1/provider-webhooks/"));
        // /openai/v1: the OpenAI-compatible surface takes the same keys (its own filter reshapes the 401)
        registration.addUrlPatterns("/v1/*", "/openai/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ProjectIdArgumentResolver());
    }
}
