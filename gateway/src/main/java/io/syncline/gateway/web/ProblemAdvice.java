package io.syncline.gateway.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a request into an RFC 9457 problem: Spring MVC's own (405, 415, ...),
 * request validation (400 with {@code errors}), unreadable bodies (400, or 413), refusals and
 * failures of the services (404, 409, 422, 503), and anything unexpected (500, logged).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex, HttpServletRequest request) {
        return problem(ex.problem(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<FieldMessage> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldMessage(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
        return problem(Problems.validation(errors), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, HttpServletRequest request) {
        return problem(Problems.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required"), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException ex, HttpServletRequest request) {
        return problem(Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this request"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failure(Exception ex, HttpServletRequest request) {
        if (ServiceFailures.unwrap(ex) instanceof ApiException api) {
            return problem(api.problem(), request);
        }
        return ServiceFailures.problemFor(ex)
                .map(p -> {
                    if (p.getStatus() >= 500) {
                        log.warn("{} {} failed: {}", request.getMethod(), request.getRequestURI(), ex.toString());
                    }
                    return problem(p, request);
                })
                .orElseGet(() -> {
                    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), ex);
                    return problem(Problems.of(ProblemType.INTERNAL, "The request failed unexpectedly"), request);
                });
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        ex.getBindingResult().getAllErrors().forEach(e -> errors.add(fieldMessage(e, "body")));
        return handleExceptionInternal(ex, Problems.validation(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = parameterName(result.getMethodParameter());
            if (result instanceof ParameterErrors body) {
                body.getAllErrors().forEach(e -> errors.add(fieldMessage(e, name)));
            } else {
                result.getResolvableErrors().forEach(e -> errors.add(new FieldMessage(name, message(e))));
            }
        }
        return handleExceptionInternal(ex, Problems.validation(errors), headers, HttpStatusCode.valueOf(400), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m
                ? parameterName(m.getParameter())
                : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : "must be " + describe(type);
        return handleExceptionInternal(
                ex, Problems.validation(name == null ? "parameter" : name, message), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return handleExceptionInternal(
                ex, Problems.validation(ex.getParameterName(), "is required"), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                ex, Problems.of(ProblemType.NOT_FOUND, "No such resource"), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = unreadable(ex);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** Every problem passes here: the API's type and title, the path, the correlation id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p
                ? p
                : ex instanceof ErrorResponse e ? e.getBody() : ProblemDetail.forStatus(statusCode);
        ProblemType general = ProblemType.forStatus(problem.getStatus());
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(general.uri());
            if (general.title() != null) {
                problem.setTitle(general.title());
            }
        }
        if (problem.getDetail() == null) {
            problem.setDetail(problem.getTitle());
        }
        HttpServletRequest servletRequest = request instanceof ServletWebRequest s ? s.getRequest() : null;
        ProblemWriter.decorate(problem, servletRequest);
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        if (problem.getStatus() == 401 && !out.containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
            out.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return super.handleExceptionInternal(ex, problem, out, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, HttpServletRequest request) {
        return handleExceptionInternal(
                new ApiException(problem),
                problem,
                null,
                HttpStatusCode.valueOf(problem.getStatus()),
                new ServletWebRequest(request));
    }

    /** 400 naming the field Jackson failed on, 413 when the body was too large. */
    static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        BodyTooLargeException large = find(ex, BodyTooLargeException.class);
        if (large != null) {
            return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, large.getMessage());
        }
        JsonMappingException mapping = find(ex, JsonMappingException.class);
        if (mapping != null) {
            String field = JsonPaths.of(mapping.getPath());
            if (field.isEmpty()) {
                return Problems.validation("body", "must be a JSON object");
            }
            if (mapping instanceof InvalidFormatException invalid
                    && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                return Problems.validation(
                        field,
                        "must be one of "
                                + Arrays.toString(invalid.getTargetType().getEnumConstants()));
            }
            if (find(ex, InputCoercionException.class) != null) {
                return Problems.validation(field, "is out of range");
            }
            if (mapping instanceof MismatchedInputException mismatched) {
                return Problems.validation(field, "must be " + describe(mismatched.getTargetType()));
            }
            if (find(ex, JsonParseException.class) == null) {
                return Problems.validation(field, "is invalid");
            }
        }
        JsonParseException parse = find(ex, JsonParseException.class);
        if (parse != null) {
            String at = parse.getLocation() == null
                    ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr();
            return Problems.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + at);
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return Problems.of(ProblemType.MALFORMED_REQUEST, "A JSON request body is required");
        }
        return Problems.of(ProblemType.MALFORMED_REQUEST, "The request body could not be read");
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static FieldMessage fieldMessage(ObjectError error, String fallback) {
        String field = error instanceof FieldError f ? f.getField() : fallback;
        return new FieldMessage(field, message(error));
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "parameter";
    }

    private static String lastNode(String propertyPath) {
        // method validation paths read "method.parameter"; the client knows only the parameter
        int dot = propertyPath.indexOf('.');
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
