package io.tunegate.security.internal;

import io.tunegate.security.ProjectId;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands controllers the authenticated project, so no handler can forget to scope by it. */
class ProjectIdArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ProjectId.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object project = webRequest.getAttribute(ApiKeyAuthenticationFilter.PROJECT_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (project == null) {
            throw new IllegalStateException("No authenticated project; is the path outside /v1/?");
        }
        return project;
    }
}
