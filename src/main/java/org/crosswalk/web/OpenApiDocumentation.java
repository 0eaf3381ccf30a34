package org.crosswalk.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * The OpenAPI document GRC tools generate their clients from. springdoc describes schemas with
 * swagger-core's own (Jackson 2) mapper, which does not see Spring's Jackson 3 settings, so it is told
 * the same snake_case naming here; otherwise the document would promise percentFull while the API sends
 * percent_full.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocumentation {

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI crosswalkOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Crosswalk API")
                .version("0.1.0")
                .description("Coverage, gaps and reuse of evidence across ISO/IEC 42001:2023, the EU AI Act "
                        + "(Regulation (EU) 2024/1689), NIST AI RMF 1.0 and ISO/IEC 27001:2022. Every answer is a named "
                        + "SPARQL query of queries/, also runnable on the SPARQL endpoint. Errors are RFC 9457 problem+json."));
    }
}
