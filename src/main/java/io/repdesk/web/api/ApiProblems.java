package io.repdesk.web.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.repdesk.contact.AttachmentTooLarge;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of an API request into an RFC 9457 problem detail that names the field and
 * the reason; a caller's mistake is never answered with 500.
 */
@RestControllerAdvice(basePackages = "io.repdesk.web.api")
class ApiProblems extends ResponseEntityExceptionHandler {

    /** One broken rule: which field, and why. */
    record FieldProblem(String field, String reason) {
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(List.of(new FieldProblem(e.field(), e.reason())));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(AttachmentTooLarge.class)
    ProblemDetail tooLarge(AttachmentTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Attachment too large");
        problem.setProperty("field", "attachments");
        problem.setProperty("limitBytes", e.limit());
        return problem;
    }

    @ExceptionHandler({ Conflict.class, DuplicateKeyException.class })
    ProblemDetail conflict(RuntimeException e) {
        String detail = e instanceof Conflict ? e.getMessage() : "The request clashes with data that already exists";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(ApiProblems::fieldProblem)
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(unreadable(e))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String reason = "must be " + expected(e.getRequiredType()) + ", not '" + e.getValue() + "'";
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, reason))));
    }

    static ProblemDetail invalid(List<FieldProblem> problems) {
        String detail = problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://repdesk.io/problems/invalid-request"));
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
        return problem;
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage() == null ? "is invalid"
                : error.getDefaultMessage());
    }

    private static FieldProblem unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return new FieldProblem(path(u), "is not a known field");
        }
        if (cause instanceof InvalidFormatException f) {
            return new FieldProblem(path(f), "must be " + expected(f.getTargetType()) + ", not '" + f.getValue() + "'");
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return new FieldProblem(path(m), "must be " + expected(m.getTargetType()));
        }
        if (cause instanceof StreamReadException) {
            return new FieldProblem("body", "is not valid JSON");
        }
        if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            return new FieldProblem(path(j), "has a value that cannot be read");
        }
        return new FieldProblem("body", "is missing or cannot be read as JSON");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == java.util.UUID.class) {
            return "an id (UUID)";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 timestamp such as 2026-11-25T10:15:30Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
