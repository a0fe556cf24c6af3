package io.marketgate.server.shared.web;

import io.marketgate.server.shared.InvalidInputException.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Says what is wrong with an unreadable request body, without echoing its content: not JSON at all (with
 * line and column), or JSON of the wrong shape (naming the field).
 */
final class RequestBodyProblems {

    private RequestBodyProblems() {}

    static ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getMostSpecificCause();
        if (cause instanceof StreamReadException syntax) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "The request body is not valid JSON" + at(syntax.getLocation()) + ".");
        }
        if (cause instanceof DatabindException shape && !shape.getPath().isEmpty()) {
            String field = field(shape.getPath());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "The request body has a value of the wrong type or format at " + field + ".");
            problem.setProperty(Problems.ERRORS, List.of(new FieldError(field, "wrong type or format")));
            return problem;
        }
        if (cause instanceof JacksonException json) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "The request body is not the expected JSON" + at(json.getLocation()) + ".");
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable.");
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** {@code events[2].quantity} from Jackson's reference path. */
    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
