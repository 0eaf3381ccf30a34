package org.crosswalk.webui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors on the web pages as a page in the site's own layout, never a stack trace or a JSON body: a
 * profile over the size limit (413), a download in a format that does not exist (400), anything
 * unexpected (500, with a reference to the server log). Comes before the REST API's problem+json
 * handler, for the web view's controllers only.
 */
@ControllerAdvice(basePackageClasses = WebUiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebUiErrors {
    private static final Logger log = LoggerFactory.getLogger(WebUiErrors.class);

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) {
        return page(HttpStatus.CONTENT_TOO_LARGE, "Profile too large",
                "The file is larger than the limit of " + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes" : "this server")
                        + " (crosswalk.max-request-body). Split the profile, or send it to POST /api/coverage.", response);
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView badUpload(MultipartException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "Upload not readable", "The form could not be read as an upload: send it again.", response);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badParameter(IllegalArgumentException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error on a web page, reference {}", reference, e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The server log has the details under reference " + reference + ".", response);
    }

    private static ModelAndView page(HttpStatus status, String title, String detail, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView mv = new ModelAndView("problem");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("title", title);
        mv.addObject("detail", detail);
        return mv;
    }
}
