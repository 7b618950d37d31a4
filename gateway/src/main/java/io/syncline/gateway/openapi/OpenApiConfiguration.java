package io.syncline.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.syncline.gateway.idempotency.IdempotencyFilter;
import io.syncline.gateway.security.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The served API description ({@code /v3/api-docs}): bearer security, and the problem responses
 * every route may give, which the filters and the advice produce outside the controllers' view.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String TOKEN_PATH = "/api/auth/token";

    static {
        // the caller comes from the token, not from the request's parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI synclineOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Syncline API")
                        .description("Real-time order and inventory synchronisation across sales channels. "
                                + "Errors are RFC 9457 problems (application/problem+json).")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A token from POST " + TOKEN_PATH)));
    }

    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            // added here, after springdoc dropped the schemas nothing referred to yet
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/")) {
            return;
        }
        boolean token = path.equals(TOKEN_PATH);
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid request (errors name the fields)");
        if (token) {
            problems.put("401", "Unknown user or wrong password");
        } else {
            problems.put("401", "Missing, invalid or expired bearer token");
            problems.put("403", "The caller's role does not allow this");
        }
        if (path.contains("{")) {
            problems.put("404", "No such resource for this merchant");
        }
        if (write && !token) {
            problems.put("409", "The current state forbids this, or the same Idempotency-Key is still running");
        }
        if (write) {
            problems.put("413", "The body is too large");
            problems.put("415", "The body is not JSON");
        }
        if (write && !token) {
            problems.put("422", "A service refused the request, or the Idempotency-Key was used for another body");
        }
        problems.put("429", "Rate limit exceeded (see Retry-After)");
        problems.put("503", "A service is unavailable or did not answer in time");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problem(description));
            }
        });
        responses.remove("500");
        responses.addApiResponse("500", problem("Unexpected failure"));
        responses.values().forEach(OpenApiConfiguration::jsonNotAnything);
        operation.setResponses(responses);
        if (!token
                && (operation.getSecurity() == null || operation.getSecurity().isEmpty())) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
        if (method == PathItem.HttpMethod.POST
                && !token
                && (operation.getParameters() == null
                        || operation.getParameters().stream()
                                .noneMatch(p -> IdempotencyFilter.HEADER.equals(p.getName())))) {
            operation.addParametersItem(new HeaderParameter()
                    .name(IdempotencyFilter.HEADER)
                    .required(false)
                    .description("Makes a retry safe: the same key and body answer the first response again")
                    .schema(new StringSchema().maxLength(255)));
        }
    }

    /** The API answers JSON; springdoc says {@code *}/{@code *} where a controller does not declare it. */
    private static void jsonNotAnything(ApiResponse response) {
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*") && !content.containsKey("application/json")) {
            content.addMediaType("application/json", content.remove("*/*"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema error =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("correlationId", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error));
    }
}
