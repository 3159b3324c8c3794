package io.tunegate.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxRequestSize the largest JSON body the API reads (dataset uploads have their own limit) */
@ConfigurationProperties("tunegate.web")
public record WebSettings(@DefaultValue("1MB") DataSize maxRequestSize) {
}
