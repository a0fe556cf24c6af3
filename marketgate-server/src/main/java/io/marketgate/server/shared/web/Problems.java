package io.marketgate.server.shared.web;

import io.marketgate.server.shared.ErrorCategory;
import io.marketgate.server.shared.InvalidInputException;
import io.marketgate.server.shared.InvalidInputException.FieldError;
import io.marketgate.server.shared.MarketgateException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds the problem details of each {@link ErrorCategory}; shared by the advice and the error controller. */
@Component
class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    static final String CORRELATION_ID = "correlationId";
    static final String ERRORS = "errors";

    ProblemDetail of(MarketgateException exception) {
        if (exception instanceof InvalidInputException invalid) {
            ProblemDetail problem = invalid(invalid.errors());
            problem.setDetail(invalid.getMessage());
            return problem;
        }
        if (exception.category() == ErrorCategory.INTERNAL) {
            return internal(exception, "a request");
        }
        return ProblemDetail.forStatusAndDetail(status(exception.category()), exception.getMessage());
    }

    /** 400 listing every broken rule; {@code errors} is an array of {@code {field, message}}. */
    ProblemDetail invalid(List<FieldError> errors) {
        String fields = String.join(
                ", ", errors.stream().map(FieldError::field).distinct().toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "Invalid field: " + fields + "." : "Invalid fields: " + fields + ".");
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /**
     * 500 without internals: the client gets a correlation id, the log gets the same id with the stack
     * trace, so an operator can find one from the other.
     */
    ProblemDetail internal(Throwable exception, String where) {
        String correlationId = UUID.randomUUID().toString();
        log.error("Internal error {} while serving {}", correlationId, where, exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error. Quote correlation id " + correlationId + " when reporting it.");
        problem.setProperty(CORRELATION_ID, correlationId);
        return problem;
    }

    ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static HttpStatus status(ErrorCategory category) {
        return switch (category) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
