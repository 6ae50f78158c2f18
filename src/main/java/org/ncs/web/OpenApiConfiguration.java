package org.ncs.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** How the API describes itself in /v3/api-docs and Swagger UI: every operation needs a user of the service. */
@Configuration
@OpenAPIDefinition(
    info = @Info(title = "NCS Lifecycle Service API", version = "1",
        description = "Engagements, lifecycle tasks and the guide's catalogue. Errors are RFC 9457 problem details. "
            + "Scripts authenticate with HTTP Basic; browsers log in at /login and send the XSRF-TOKEN cookie back "
            + "as the X-XSRF-TOKEN header with every write."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {
}
