package io.tunegate.registry.web;

import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.Inputs;
import io.tunegate.platform.web.ListPage;
import io.tunegate.registry.ModelVersionView;
import io.tunegate.registry.RegisteredModelView;
import io.tunegate.registry.internal.ModelRegistry;
import io.tunegate.security.ProjectId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /v1/models}: registered models and their versions. */
@RestController
@RequestMapping(path = "/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
class ModelController {

    private final ModelRegistry registry;

    ModelController(ModelRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    ListPage<RegisteredModelView> list(ProjectId project, @RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = "20") int limit) {
        return registry.list(project.value(), Inputs.clean("cursor", cursor), ListPage.limit(limit, 100));
    }

    @GetMapping("/{name}")
    RegisteredModelView get(ProjectId project, @PathVariable String name) {
        return registry.find(project.value(), Inputs.clean("name", name))
                .orElseThrow(() -> ApiException.notFound("Model " + name));
    }

    @GetMapping("/{name}/versions")
    ListPage<ModelVersionView> versions(ProjectId project, @PathVariable String name) {
        get(project, name);
        List<ModelVersionView> versions = registry.versions(project.value(), name);
        return ListPage.of(versions, false, null);
    }
}
