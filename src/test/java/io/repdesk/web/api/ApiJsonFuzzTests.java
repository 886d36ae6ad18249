package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import com.code_intelligence.jazzer.junit.FuzzTest;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile API bodies: any text read into any {@code @RequestBody} type of the API, with the application's
 * strictness (unknown fields refused), then validated, ends as a value or as a 400 problem that names a field;
 * never as another exception, which the API would answer with 500.
 */
class ApiJsonFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static final List<Class<?>> BODIES = requestBodies();

    /** The first line names the body type (an unknown name picks one by its hash); the rest is the JSON. */
    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsAnyJsonIntoARequestOrAnswers400(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String name = newline < 0 ? "" : text.substring(0, newline).strip();
        byte[] json = newline < 0 ? input : text.substring(newline + 1).getBytes(StandardCharsets.UTF_8);
        Class<?> type = BODIES.stream().filter(b -> b.getSimpleName().equals(name)).findFirst()
                .orElse(BODIES.get(Math.floorMod(name.hashCode(), BODIES.size())));
        Object body;
        try {
            body = JSON.readValue(json, type);
        } catch (JacksonException e) {
            assertThat(e).as("a definition error is a 500").isNotInstanceOf(InvalidDefinitionException.class);
            assertAnswered400(e, json);
            return;
        }
        if (body != null) {
            VALIDATOR.validate(body).forEach(v -> assertThat(v.getPropertyPath().toString()).isNotNull());
        }
    }

    @Test
    void everyRequestBodyOfTheApiIsFuzzed() {
        assertThat(BODIES).extracting(Class::getSimpleName).contains("RecordContact", "CreateCustomer",
                "CreateNeed", "SubscriptionBody", "FlowBody", "PolicyBody", "ArticleBody");
    }

    private static void assertAnswered400(JacksonException cause, byte[] json) {
        HttpMessageNotReadableException e = new HttpMessageNotReadableException("JSON parse error: "
                + cause.getOriginalMessage(), cause, new MockHttpInputMessage(json));
        ResponseEntity<Object> answer = new ApiProblems().handleHttpMessageNotReadable(e, new HttpHeaders(),
                HttpStatus.BAD_REQUEST, new ServletWebRequest(new MockHttpServletRequest()));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
                p -> assertThat(p.getProperties()).containsKey("errors"));
    }

    /** Every type a handler of the API reads from a request body, found on the handlers themselves. */
    private static List<Class<?>> requestBodies() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Class<?>> bodies = new ArrayList<>();
        for (BeanDefinition api : scanner.findCandidateComponents("io.repdesk.web.api")) {
            Class<?> type = ClassUtils.resolveClassName(api.getBeanClassName(), ApiJsonFuzzTests.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class) && !bodies.contains(parameter.getType())) {
                        bodies.add(parameter.getType());
                    }
                }
            }
        }
        bodies.sort(Comparator.comparing(Class::getName));
        return List.copyOf(bodies);
    }
}
