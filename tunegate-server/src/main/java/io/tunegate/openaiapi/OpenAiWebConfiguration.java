package io.tunegate.openaiapi;

import io.tunegate.platform.web.RequestSizeLimitFilter;
import io.tunegate.platform.web.WebSettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The filters of {@code /openai/v1/*}: the error rewriter first, so it sees every answer, then the same
 * request size limit as {@code /v1} (uploads to {@code /files} enforce the dataset limit themselves). The
 * API key filter of the security module covers this path too.
 */
@Configuration(proxyBeanMethods = false)
class OpenAiWebConfiguration {

    static final String PATH = "/openai/v1/*";

    @Bean
    FilterRegistrationBean<OpenAiErrorFilter> openAiErrorFilter(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new OpenAiErrorFilter(json));
        registration.addUrlPatterns(PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> openAiRequestSizeLimitFilter(WebSettings settings, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(settings.maxRequestSize().toBytes(),
                json, List.of("/openai/v1/files")));
        registration.addUrlPatterns(PATH);
        registration.setName("openAiRequestSizeLimitFilter"); // the /v1 one holds the default name
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
