package org.crosswalk.web;

import java.net.URI;

import org.crosswalk.tenancy.InvalidProfileException;
import org.crosswalk.tenancy.ProfileInput;
import org.crosswalk.tenancy.ProfileNotFoundException;
import org.crosswalk.tenancy.Profiles;
import org.crosswalk.tenancy.VersionConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The stored-profile errors as RFC 9457 problem+json. Ahead of {@link ProblemHandler}, whose catch-all
 * for RuntimeException would otherwise answer them as 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProfileProblems {

    @ExceptionHandler(ProfileNotFoundException.class)
    ProblemDetail notFound(ProfileNotFoundException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        pd.setTitle("No such profile");
        return pd;
    }

    @ExceptionHandler(InvalidProfileException.class)
    ProblemDetail invalid(InvalidProfileException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage() + " Nothing was stored.");
        pd.setTitle("Profile rows cannot be stored");
        pd.setType(URI.create("https://w3id.org/crosswalk/problems/invalid-profile-rows"));
        pd.setProperty("errors", e.problems());
        return pd;
    }

    @ExceptionHandler(VersionConflictException.class)
    ProblemDetail stale(VersionConflictException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
        pd.setTitle("Stale version");
        pd.setProperty("current_etag", Profiles.etag(e.current()));
        return pd;
    }

    @ExceptionHandler(ProfileController.PreconditionRequired.class)
    ProblemDetail ifMatchMissing(ProfileController.PreconditionRequired e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
        pd.setTitle("If-Match required");
        return pd;
    }

    @ExceptionHandler(Profiles.ProfileExistsException.class)
    ProblemDetail exists(Profiles.ProfileExistsException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        pd.setTitle("Profile exists");
        return pd;
    }

    @ExceptionHandler(ProfileInput.TooManyStatements.class)
    ProblemDetail tooLarge(ProfileInput.TooManyStatements e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage() + " Nothing was stored.");
        pd.setTitle("Profile too large");
        return pd;
    }
}
